/**
 * customizations.proxy.yaml (helm): `externalProxy` (chart/values.yaml), the custom CA under the key the
 * release reads it from (carto-proxy-facts.md §1(b)), and `cartoConfigValues.usePubSubRestApi` when the
 * plan sends Pub/Sub over HTTPS (§V.5). Helm reads values as YAML 1.1, where `no`, `on` or `1e3` are not
 * strings: every string is emitted double-quoted, so any YAML reader gets the same values.
 */
import { Document, isMap, Scalar } from 'yaml';
import type { Plan } from '../plan.ts';
import { headerLine } from './header.ts';

export interface HelmValues {
  externalProxy: {
    enabled: true;
    /** Bracketed for IPv6: the chart builds the URL with printf "%s://%s:%d" (§V.3). */
    host: string;
    port: number;
    type: 'http' | 'https';
    excludedDomains: string[];
    sslRejectUnauthorized?: boolean;
    sslCA?: string;
  };
  trustedCACerts?: { value: string };
  cartoConfigValues?: { usePubSubRestApi: true };
}

/** The command the README and the file's header give; placeholders in angle brackets. */
export const HELM_UPGRADE_COMMAND =
  'helm upgrade <release> <chart> --namespace <namespace> -f customizations.yaml -f customizations.proxy.yaml';

/** The values as data: what a YAML reader must get back from the file. */
export function helmValues(plan: Plan): HelmValues {
  const { proxy } = plan.answers;
  const values: HelmValues = {
    externalProxy: {
      enabled: true,
      host: plan.configHost,
      port: proxy.port,
      type: proxy.protocol,
      excludedDomains: plan.noProxy.map((e) => e.entry),
    },
  };
  if (plan.rejectUnauthorized !== undefined)
    values.externalProxy.sslRejectUnauthorized = plan.rejectUnauthorized;
  if (plan.ca?.destinations.includes('helm-trusted-ca-certs')) {
    values.trustedCACerts = { value: plan.ca.pem };
  } else if (plan.ca?.destinations.includes('helm-external-proxy-ssl-ca')) {
    values.externalProxy.sslCA = plan.ca.pem;
  }
  if (plan.pubSubRestApi) values.cartoConfigValues = { usePubSubRestApi: true };
  return values;
}

export function renderHelmValues(plan: Plan): string {
  const values = helmValues(plan);
  const doc = new Document(values, { version: '1.1' });
  doc.commentBefore = [
    ' CARTO Self-hosted proxy settings for Helm. Keep your usual helm upgrade command and add this file last:',
    `   ${HELM_UPGRADE_COMMAND}`,
    ` ${headerLine(plan.answers)}`,
  ].join('\n');
  for (const path of [
    ['trustedCACerts', 'value'],
    ['externalProxy', 'sslCA'],
  ]) {
    const node = doc.getIn(path, true);
    // The CA stays readable PEM in a literal block, as the chart writes it verbatim into a ConfigMap.
    if (node instanceof Scalar) node.type = Scalar.BLOCK_LITERAL;
  }
  const carto = doc.get('cartoConfigValues', true);
  if (isMap(carto)) {
    // On the section, so the comment stands above the key rather than between key and value.
    carto.commentBefore =
      ' Pub/Sub over HTTPS instead of gRPC, so it goes through the proxy (gRPC cannot use an https:// proxy).';
  }
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}
