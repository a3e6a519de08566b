/**
 * The final NO_PROXY list: entries the rules require, each with its reason and source, then the user's own.
 * Rules: PRODUCT.md §2 step 4; facts: carto-proxy-facts.md §1(b), §1(c), §3, §V.4, §V.5. Called by the
 * plan only (plan.noProxy), which computes it once per answers object.
 */
import type { Answers } from '../answers.ts';
import { NO_PROXY_RULES, WAREHOUSES } from '../catalog.ts';
import type { NoProxyEntry } from '../domain-types.ts';
import type { MethodFacts } from '../method-facts.ts';

/**
 * Snowflake is chosen and cannot go through this proxy: the catalog says its traffic does not go through
 * an HTTPS proxy, so `.snowflakecomputing.com` is excluded and must be reachable directly.
 */
export function snowflakeBypassesProxy(answers: Answers): boolean {
  const snowflake = WAREHOUSES.find((w) => w.id === 'snowflake');
  return (
    answers.warehouses.includes('snowflake') &&
    snowflake !== undefined &&
    !snowflake.throughProxy[answers.proxy.protocol]
  );
}

export function noProxyEntries(
  answers: Answers,
  facts: MethodFacts,
  decided: { clusterDomain: string | undefined; snowflakeBypass: boolean },
): NoProxyEntry[] {
  const { deployment } = answers;
  const required: NoProxyEntry[] = [...facts.requiredNoProxy(decided.clusterDomain)];
  const add = (
    entries: readonly string[],
    rule: { reason: string; source: NoProxyEntry['source'] },
  ) => {
    for (const entry of entries) required.push({ entry, reason: rule.reason, source: rule.source });
  };

  if (facts.options.kubernetesServiceIp && deployment.kubernetesServiceIp !== undefined) {
    add([deployment.kubernetesServiceIp], NO_PROXY_RULES.kubernetesServiceIp);
  }
  if (facts.options.gkeWorkloadIdentity && deployment.gkeWorkloadIdentity === true) {
    add(NO_PROXY_RULES.gkeWorkloadIdentity.entries, NO_PROXY_RULES.gkeWorkloadIdentity);
  }
  if (decided.snowflakeBypass) {
    add(NO_PROXY_RULES.snowflakeHttps.entries, NO_PROXY_RULES.snowflakeHttps);
  }

  // Entries are compared case-insensitively: clients lowercase both sides (no-proxy-semantics.md §1.2).
  const seen = new Set<string>();
  const result: NoProxyEntry[] = [];
  for (const item of required) {
    const key = item.entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  for (const entry of answers.excludedDomains) {
    const key = entry.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ entry, reason: 'Added by you.', source: null });
  }
  return result;
}
