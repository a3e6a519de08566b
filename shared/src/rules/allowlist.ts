/** Domains the proxy must allow, per method, warehouses and services (PRODUCT.md §2a). */
import type { Answers } from '../answers.ts';
import { CORE_DOMAINS, IMAGE_REGISTRY_DOMAINS, SERVICES, WAREHOUSES } from '../catalog.ts';
import type { AllowlistEntry } from '../domain-types.ts';
import { methodFacts } from '../method-facts.ts';

export function allowlistEntries(answers: Answers): AllowlistEntry[] {
  const entries: AllowlistEntry[] = [];
  const byDomain = new Map<string, AllowlistEntry>();
  const add = (domain: string, group: AllowlistEntry['group'], reason: string) => {
    const existing = byDomain.get(domain);
    if (existing) {
      // One line per domain; every reason it is needed for stays visible.
      if (!existing.reason.split('; ').includes(reason)) existing.reason += `; ${reason}`;
      return;
    }
    const entry = { domain, group, reason };
    byDomain.set(domain, entry);
    entries.push(entry);
  };

  for (const group of CORE_DOMAINS) {
    if (!group.methods.includes(answers.deployment.method)) continue;
    for (const domain of group.domains) add(domain, 'core', group.reason);
  }
  const facts = methodFacts(answers.deployment.method, answers.deployment.release);
  // D2: pubsub.googleapis.com where the method and release reach it.
  if (facts.pubSubGoogleapis.needed) {
    add('pubsub.googleapis.com', 'core', facts.pubSubGoogleapis.reason);
  }
  if (answers.deployment.imagePullsThroughProxy === true) {
    // Only when the nodes pull through this proxy (carto-proxy-facts.md §V.5).
    for (const domain of facts.imageRegistries) {
      add(domain, 'images', IMAGE_REGISTRY_DOMAINS.reason);
    }
  }
  for (const warehouse of WAREHOUSES) {
    if (!answers.warehouses.includes(warehouse.id)) continue;
    if (!warehouse.throughProxy[answers.proxy.protocol]) continue;
    for (const domain of warehouse.domains) add(domain, 'warehouse', warehouse.label);
  }
  for (const service of SERVICES) {
    if (!answers.services.includes(service.id)) continue;
    for (const domain of service.domains) add(domain, 'service', service.label);
  }
  return entries;
}
