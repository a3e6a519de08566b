/**
 * Step 7: every answer at a glance (each with a way back to change it), what still needs attention,
 * the warnings, "Test my proxy", the downloads, and the user's own file updated when they started
 * from one.
 */
import { hostPort } from '@wizard/shared/host';
import { methodFactsIn } from '@wizard/shared/method-facts-in';
import type { Warning } from '@wizard/shared';
import { riskyChoices } from '@wizard/shared/rules/warning-tiers';
import type { ReactNode } from 'react';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { Callout } from '../../components/callout.tsx';
import { DownloadButton } from '../../preview/download-button.tsx';
import { ProblemsList } from '../../preview/problems-list.tsx';
import { WarningsList } from '../../preview/warnings-list.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { useAnalysis, useWizardStore } from '../../wizard/state/context.ts';
import { customCaMissing, portInput, type Draft } from '../../wizard/state/draft.ts';
import { useImportedFile } from '../../wizard/state/imported-file.ts';
import { lazyWithPreload } from '../../wizard/loading/lazy.ts';
import { OptionalChunk } from '../../wizard/loading/optional-chunk.tsx';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { stepApplies, STEPS, type StepId } from '../../wizard/registry/steps.ts';
import { useWizardState } from '../../wizard/state/store.ts';
import '../steps.css';
import { CustomCaExpected } from '../../wizard/dialogs/custom-ca-expected.tsx';
import { Automation } from './automation.tsx';
import { FileGroups } from './file-groups.tsx';
import { NextSteps } from './next-steps.tsx';

// With the shared merge code and the diff package: only fetched when the Review step shows.
const MergedFile = lazyWithPreload(() => import('./merged-file.tsx'));
const ProxyCheck = lazyWithPreload(() => import('./proxy-check.tsx'));

/** The verdict first (issue 21, item 9): ready, and whether a risky choice waits for a decision. */
function verdictTitle(warnings: readonly Pick<Warning, 'code' | 'severity' | 'message'>[]): string {
  const risky = riskyChoices(warnings).length;
  return risky === 0
    ? 'Ready: download, then follow the steps'
    : `Ready, with ${risky === 1 ? '1 risky choice' : `${risky} risky choices`} to decide below`;
}

interface Row {
  term: string;
  value: ReactNode;
}

function summary(draft: Draft, catalog: Catalog): { step: StepId; rows: Row[] }[] {
  const { deployment, proxy } = draft;
  const method = catalog.deploymentMethods.find((m) => m.id === deployment.method);
  // What the method and release imply (methodFacts), once a method is chosen.
  const facts =
    deployment.method === ''
      ? undefined
      : methodFactsIn(catalog, deployment.method, deployment.release);
  const none = <span className="muted">None</span>;
  const sections: { step: StepId; rows: Row[] }[] = [
    {
      step: 'deployment',
      rows: [
        { term: 'Method', value: method?.label ?? <span className="muted">Not chosen</span> },
        {
          term: 'Release',
          value: deployment.release.trim() || (
            <>
              Not given{' '}
              <span className="muted">
                (the files work on every release
                {facts ? ` from ${facts.proxySupport.since}` : ''})
              </span>
            </>
          ),
        },
        {
          // Issue 18: which CARTO commits the release rules were read from (npm run facts:sync).
          term: 'Release rules from',
          value: (
            <>
              {catalog.releases.factsSource.helm.repo} {catalog.releases.factsSource.helm.newestTag}{' '}
              ({(catalog.releases.factsSource.helm.newestCommit ?? '').slice(0, 8)}), up to{' '}
              {catalog.releases.factsSource.helm.newestRelease}
            </>
          ),
        },
        ...(facts?.options.gkeWorkloadIdentity
          ? [
              {
                term: 'GKE Workload Identity',
                value: deployment.gkeWorkloadIdentity ? 'Yes' : 'No',
              },
            ]
          : []),
        ...(facts?.options.kubernetesServiceIp
          ? [
              {
                term: 'kubernetes service ClusterIP',
                value: deployment.kubernetesServiceIp || none,
              },
            ]
          : []),
      ],
    },
    {
      step: 'proxy',
      rows: [
        {
          term: 'Proxy',
          value:
            proxy.protocol && proxy.host && portInput(proxy.port) !== undefined ? (
              <code>
                {proxy.protocol}://{hostPort(proxy.host, proxy.port.trim())}
              </code>
            ) : (
              <span className="muted">Incomplete</span>
            ),
        },
      ],
    },
  ];
  if (stepApplies('tls', draft)) {
    const certificates = proxy.customCa.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
    sections.push({
      step: 'tls',
      rows: [
        {
          term: 'Verify the proxy certificate',
          value: proxy.verifyCertificate ? 'Yes' : <strong>No</strong>,
        },
        {
          term: 'Custom CA',
          value:
            certificates > 0 ? `${certificates} certificate${certificates > 1 ? 's' : ''}` : none,
        },
      ],
    });
  }
  const own = draft.excludedDomains.map((e) => e.trim()).filter(Boolean);
  sections.push(
    {
      step: 'excluded-domains',
      rows: [
        {
          term: 'Your entries',
          value:
            own.length > 0
              ? own.map((e, i) => (
                  <code key={`${e}-${i}`} className="chip">
                    {e}
                  </code>
                ))
              : none,
        },
      ],
    },
    {
      step: 'warehouses',
      rows: [
        {
          term: 'Warehouses',
          value:
            draft.warehouses.length > 0
              ? draft.warehouses
                  .map((id) => catalog.warehouses.find((w) => w.id === id)?.label ?? id)
                  .join(', ')
              : none,
        },
      ],
    },
    {
      step: 'services',
      rows: [
        {
          term: 'Services',
          value:
            draft.services.length > 0
              ? draft.services
                  .map((id) => catalog.services.find((s) => s.id === id)?.label ?? id)
                  .join(', ')
              : none,
        },
      ],
    },
  );
  return sections;
}

function Review({ catalog }: { catalog: Catalog }) {
  const store = useWizardStore();
  const draft = useWizardState(store, (s) => s.draft);
  const { analysis } = useAnalysis();
  const ready = analysis?.render;
  // The user's own file, updated, is what they came for when they started from one: right under the
  // status. Otherwise the offer to open one comes last.
  const startedFromFile = useImportedFile() !== null;
  const merged = (
    <OptionalChunk what="Updating your own file" holdStep={startedFromFile}>
      <MergedFile method={draft.deployment.method} answers={analysis?.answers} catalog={catalog} />
    </OptionalChunk>
  );

  return (
    <StepFrame
      step="review"
      intro="Check your answers, then download. The preview shows every file exactly as it downloads; README.md lists the next steps in order."
      stickyNav
      actions={
        ready && analysis ? (
          <span className="review__actions">
            {analysis.problems.length === 0 && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  const heading = document.getElementById('next-steps-heading');
                  heading?.focus();
                  heading?.scrollIntoView({ block: 'start' });
                }}
              >
                Next steps
              </button>
            )}
            <DownloadButton
              answers={analysis.input}
              preflight={analysis.preflight}
              ownFile={analysis.ownFile}
              // Narrow screens keep "(.zip)" for screen readers only, so the bar is one row (global.css).
              label={
                <>
                  Download all<span className="review__zip"> (.zip)</span>
                </>
              }
              primary
            />
          </span>
        ) : undefined
      }
    >
      {!analysis ? (
        <p role="status">Checking your answers…</p>
      ) : analysis.problems.length > 0 || !ready ? (
        <Callout tone="danger" title="Some answers need attention before you can download">
          <ProblemsList problems={analysis.problems} />
        </Callout>
      ) : (
        <Callout title={verdictTitle(analysis.warnings)}>
          <p>
            {ready.files.length} files, grouped below by who acts on them. Then follow the numbered
            next steps.
          </p>
        </Callout>
      )}

      {customCaMissing(draft) && (
        <CustomCaExpected
          onPaste={() => store.goTo('tls', { kind: 'field', path: ['proxy', 'customCa'] })}
        />
      )}

      {startedFromFile && merged}

      {ready && analysis.problems.length === 0 && <FileGroups files={ready.files} />}

      {analysis?.render && analysis.problems.length === 0 && (
        <NextSteps steps={analysis.render.nextSteps} />
      )}

      <div className="summary">
        {summary(draft, catalog).map((section) => (
          <section
            key={section.step}
            className="summary__section"
            aria-labelledby={`summary-${section.step}`}
          >
            <div className="summary__head">
              <h3 id={`summary-${section.step}`}>{STEPS[section.step].label}</h3>
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Change ${STEPS[section.step].label}`}
                onClick={() => store.change(section.step)}
              >
                Change
              </button>
            </div>
            <dl>
              {section.rows.map((row) => (
                <div key={row.term} className="summary__row">
                  <dt>{row.term}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>

      {analysis && <WarningsList warnings={analysis.warnings} />}

      {analysis?.answers && analysis.render ? (
        <OptionalChunk what="Test my proxy">
          <ProxyCheck
            // New answers, new check: a run in progress stops, and the list starts empty.
            key={JSON.stringify(analysis.input)}
            input={analysis.input}
            answers={analysis.answers}
            render={analysis.render}
          />
        </OptionalChunk>
      ) : null}

      {!startedFromFile && merged}

      {analysis?.answers && analysis.problems.length === 0 && (
        <Automation input={analysis.input} method={analysis.answers.deployment.method} />
      )}
    </StepFrame>
  );
}

export default function ReviewStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="review" query={catalog} />;
  return <Review catalog={catalog.data} />;
}
