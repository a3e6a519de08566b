/**
 * What an imported file changes in the draft: the method it implies (a customer.env is Docker Compose,
 * Helm values are Helm), and only the answers the file actually gave. The rest of the draft (release,
 * warehouses, services, a port the file did not name…) stays as the user left it.
 */
import type { ImportedAnswers, ImportReport } from '@wizard/shared/import/index';
import type { Draft } from '../../wizard/state/draft.ts';

export function applyImport(draft: Draft, answers: ImportedAnswers, report: ImportReport): Draft {
  const { deployment, proxy } = answers;
  const defined = <T extends object>(value: T) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  // The import lists only the user's own NO_PROXY entries (the required ones are recognised and left
  // to the rules); a file without NO_PROXY says nothing about them, so the list stays.
  const readExcluded = report.read.some((row) => row.to === 'excludedDomains');
  return {
    ...draft,
    deployment: { ...draft.deployment, ...defined(deployment) },
    proxy: {
      ...draft.proxy,
      ...defined({
        protocol: proxy.protocol,
        host: proxy.host,
        port: proxy.port === undefined ? undefined : String(proxy.port),
        verifyCertificate: proxy.verifyCertificate,
        customCa: proxy.customCa,
      }),
    },
    excludedDomains: readExcluded ? [...answers.excludedDomains] : draft.excludedDomains,
  };
}
