/**
 * Traffic that does not go through the proxy and must be allowed directly when egress is restricted
 * (carto-proxy-facts.md §3; no-proxy-semantics.md §2 for gRPC).
 */
import type { Answers } from '../answers.ts';
import { WAREHOUSES } from '../catalog.ts';
import type { EgressRule } from '../domain-types.ts';

/** `pubSubRestApi`: the plan's choice (Pub/Sub over HTTPS goes through the proxy). */
export function egressRules(answers: Answers, pubSubRestApi: boolean): EgressRule[] {
  const rules: EgressRule[] = [];
  for (const warehouse of WAREHOUSES) {
    if (!answers.warehouses.includes(warehouse.id) || !warehouse.direct) continue;
    if (warehouse.throughProxy[answers.proxy.protocol]) continue;
    rules.push({
      target: warehouse.direct.target,
      protocol: 'tcp',
      port: warehouse.direct.port,
      reason: warehouse.consequence[answers.proxy.protocol],
      cause: warehouse.id,
    });
  }
  if (answers.proxy.protocol === 'https' && !pubSubRestApi) {
    // With usePubSubRestApi (Helm, §V.5) Pub/Sub speaks HTTPS and goes through the proxy instead.
    // grpc-js accepts only http:// proxy URLs; with an https:// one it logs an error and connects directly.
    // Recent Kubernetes releases reach Pub/Sub through pubsub.self-hosted.carto.com (carto-proxy-facts.md §2.1).
    const hosts =
      answers.deployment.method === 'docker-compose'
        ? ['pubsub.googleapis.com']
        : ['pubsub.googleapis.com', 'pubsub.self-hosted.carto.com'];
    rules.push({
      target: `Google Pub/Sub over gRPC (${hosts.join(' or ')})`,
      hosts,
      protocol: 'tcp',
      port: 443,
      reason:
        'gRPC clients (grpc-js) do not support https:// proxies and connect directly instead.',
      cause: 'grpc',
    });
  }
  return rules;
}
