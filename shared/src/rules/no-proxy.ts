/**
 * The final NO_PROXY list: entries the rules require, each with its reason and source, then the user's own.
 * Rules: PRODUCT.md §2 step 4; facts: carto-proxy-facts.md §1(b), §1(c), §3, §V.4, §V.5.
 */
import type { Answers } from '../answers.ts';
import { isKubernetesMethod } from '../answers.ts';
import { NO_PROXY_RULES } from '../catalog.ts';
import { clusterDomainOf } from './release.ts';
import type { NoProxyEntry } from '../render/types.ts';

const computed = new WeakMap<Answers, NoProxyEntry[]>();

/** The list for these answers; every renderer asks for it, so it is computed once per answers object. */
export function noProxyEntries(answers: Answers): NoProxyEntry[] {
  let entries = computed.get(answers);
  if (entries === undefined) {
    entries = computeNoProxyEntries(answers);
    computed.set(answers, entries);
  }
  return entries;
}

function computeNoProxyEntries(answers: Answers): NoProxyEntry[] {
  const { deployment, proxy } = answers;
  const required: NoProxyEntry[] = [];
  const add = (
    entries: readonly string[],
    rule: { reason: string; source: NoProxyEntry['source'] },
  ) => {
    for (const entry of entries) required.push({ entry, reason: rule.reason, source: rule.source });
  };

  add(NO_PROXY_RULES.localhost.entries, NO_PROXY_RULES.localhost);
  if (deployment.method === 'docker-compose') {
    // The Compose counterpart of .svc.cluster.local (carto-proxy-facts.md §V.4).
    add(NO_PROXY_RULES.composeServices.entries, NO_PROXY_RULES.composeServices);
  }
  const clusterDomain = clusterDomainOf(answers);
  if (clusterDomain !== undefined) {
    // `.svc.<clusterDomain>`: every in-cluster name ends with it (carto-proxy-facts.md §V.5).
    add([`.svc.${clusterDomain}`], NO_PROXY_RULES.kubernetes);
  }
  if (deployment.method === 'kots' && deployment.kubernetesServiceIp !== undefined) {
    add([deployment.kubernetesServiceIp], NO_PROXY_RULES.kubernetesServiceIp);
  }
  if (isKubernetesMethod(deployment.method) && deployment.gkeWorkloadIdentity === true) {
    add(NO_PROXY_RULES.gkeWorkloadIdentity.entries, NO_PROXY_RULES.gkeWorkloadIdentity);
  }
  if (proxy.protocol === 'https' && answers.warehouses.includes('snowflake')) {
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

/** The list as every output writes it: comma-joined, no spaces (curl ≥ 8.9 stops at a space). */
export function noProxyValue(answers: Answers): string {
  return noProxyEntries(answers)
    .map((e) => e.entry)
    .join(',');
}
