/**
 * customizations.proxy.yaml (helm): `externalProxy` (chart/values.yaml) and, with a custom CA, the key the
 * release reads it from (carto-proxy-facts.md §1(b)). Helm reads values as YAML 1.1, where `no`, `on` or
 * `1e3` are not strings: every string is emitted double-quoted, so any YAML reader gets the same values.
 */
import { Document, Scalar } from 'yaml';
import type { Answers } from '../answers.ts';
import { customCaOf, hasTrustedCaCerts } from '../rules/release.ts';
import { noProxyEntries } from '../rules/no-proxy.ts';
import { normalizedCaPem } from '../certificates.ts';
import { headerLine } from './header.ts';

export interface HelmValues {
  externalProxy: {
    enabled: true;
    host: string;
    port: number;
    type: 'http' | 'https';
    excludedDomains: string[];
    sslRejectUnauthorized?: boolean;
    sslCA?: string;
  };
  trustedCACerts?: { value: string };
}

/** The values as data: what a YAML reader must get back from the file. */
export function helmValues(answers: Answers): HelmValues {
  const { proxy } = answers;
  const values: HelmValues = {
    externalProxy: {
      enabled: true,
      host: proxy.host,
      port: proxy.port,
      type: proxy.protocol,
      excludedDomains: noProxyEntries(answers).map((e) => e.entry),
    },
  };
  if (proxy.protocol === 'https')
    values.externalProxy.sslRejectUnauthorized = proxy.verifyCertificate;
  const ca = customCaOf(answers);
  if (ca !== undefined) {
    const pem = normalizedCaPem(ca);
    if (hasTrustedCaCerts(answers)) values.trustedCACerts = { value: pem };
    else values.externalProxy.sslCA = pem;
  }
  return values;
}

export function renderHelmValues(answers: Answers): string {
  const values = helmValues(answers);
  const doc = new Document(values, { version: '1.1' });
  doc.commentBefore = [
    ' CARTO Self-hosted proxy settings for Helm. Keep your usual helm upgrade command and add this file last:',
    '   helm upgrade … -f customizations.yaml -f customizations.proxy.yaml',
    ` ${headerLine(answers)}`,
  ].join('\n');
  for (const path of [
    ['trustedCACerts', 'value'],
    ['externalProxy', 'sslCA'],
  ]) {
    const node = doc.getIn(path, true);
    // The CA stays readable PEM in a literal block, as the chart writes it verbatim into a ConfigMap.
    if (node instanceof Scalar) node.type = Scalar.BLOCK_LITERAL;
  }
  return doc.toString({ defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}
