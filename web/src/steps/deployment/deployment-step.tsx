/**
 * Step 1: the deployment method (which file you get), the release (which keys it uses), and for
 * Kubernetes the GKE Workload Identity question and, for Kots, the kubernetes service ClusterIP.
 * Below them, as the secondary way in, "Start from an existing file" can fill all of it from a
 * customer.env or Helm values.
 */
import { CA_DESTINATION_TEXT } from '@wizard/shared/ca-destinations';
import { methodFactsIn, type MethodFacts } from '@wizard/shared/method-facts-in';
import { useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { Callout } from '../../components/callout.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { DocLink } from '../../components/doc-link.tsx';
import { CheckboxField, Choice, ChoiceGroup, TextField } from '../../components/field.tsx';
import { CatalogStatus } from '../../wizard/catalog-status.tsx';
import { lazyWithPreload } from '../../wizard/lazy.ts';
import { OptionalChunk } from '../../wizard/optional-chunk.tsx';
import { StepFrame } from '../../wizard/step-frame.tsx';
import { useStepForm } from '../../wizard/use-step-form.ts';

// Its own chunk, so the first question is not heavier for it; requested with this step.
const ImportPanel = lazyWithPreload(() => import('./import-panel.tsx'));
void ImportPanel.preload().catch(() => undefined);

const CLUSTER_IP_COMMAND = "kubectl get svc kubernetes -n default -o jsonpath='{.spec.clusterIP}'";

/** What the chosen release changes, in one sentence (nothing when it is the newest behaviour). */
function releaseConsequence(catalog: Catalog, facts: MethodFacts): string | undefined {
  // No release: the files work on every release (D1), so there is no release-specific consequence.
  if (facts.releaseAssumed) return undefined;
  // Releases before proxy support are refused by the schema, with their own message (§V.1).
  if (!facts.proxySupport.supported) return undefined;
  const notes: string[] = [];
  if (facts.releaseNewerThanKnown) {
    notes.push(
      `${facts.release} is newer than the newest release the wizard knows (${facts.latestRelease}): its rules are applied.`,
    );
  }
  const ca = facts.caDestinations;
  const newest = methodFactsIn(catalog, facts.method, catalog.releases.latest);
  if (ca.join() !== newest.caDestinations.join()) {
    notes.push(
      `With a custom CA on ${facts.release}, ${ca.map((d) => CA_DESTINATION_TEXT[d]).join(', and ')}; the wizard writes it that way.`,
    );
  }
  const pubSub = facts.options.pubSubRestApi;
  if (!pubSub.offered && newest.options.pubSubRestApi.offered) {
    notes.push(
      `Before ${pubSub.since} Pub/Sub cannot use HTTPS (usePubSubRestApi): with an HTTPS proxy it bypasses it over gRPC.`,
    );
  }
  return notes.length > 0 ? notes.join(' ') : undefined;
}

function DeploymentForm({ catalog }: { catalog: Catalog }) {
  const form = useStepForm('deployment');
  const { register, control, formState } = form;
  const errors = formState.errors.deployment;
  const method = useWatch({ control, name: 'deployment.method' });
  const release = useWatch({ control, name: 'deployment.release' });
  const chosen = catalog.deploymentMethods.find((m) => m.id === method);
  // What the method and release imply, from the catalog the API served (methodFacts).
  const facts = chosen && methodFactsIn(catalog, chosen.id, release);
  const consequence = facts && releaseConsequence(catalog, facts);
  const gke = catalog.noProxyRules.gkeWorkloadIdentity;

  return (
    <StepFrame
      step="deployment"
      form={form}
      intro="The method decides which file you get and where the proxy settings go. The release decides which keys that file uses."
      source={chosen?.source ?? catalog.sources.proxyDocs}
    >
      <ChoiceGroup
        legend="Deployment method"
        type="radio"
        registration={register('deployment.method')}
        error={errors?.method?.message}
      >
        {catalog.deploymentMethods.map((m) => (
          <Choice
            key={m.id}
            value={m.id}
            label={m.label}
            description={m.description}
            consequence={
              <>
                You get <code>{m.mainOutput}</code>, plus the files for your proxy admin.{' '}
                <DocLink source={m.source}>Guide</DocLink>
              </>
            }
          />
        ))}
      </ChoiceGroup>

      <TextField
        label="CARTO Self-hosted release"
        optional
        hint={
          <>
            {chosen ? <>Read it from {chosen.releaseHowTo}, </> : 'As your installation shows it, '}
            like <code>{catalog.releases.latestFinal}</code> or{' '}
            <code>{catalog.releases.latest}</code>. Left empty, the files are written to work on
            every release of the method
            {chosen?.id === 'kots' ? ' (a custom CA needs it: where it goes depends on it)' : ''}.
            Rules from CARTO’s repositories up to {catalog.releases.latest}.
          </>
        }
        className="input--short"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        list="known-releases"
        registration={register('deployment.release')}
        error={errors?.release?.message}
        after={
          <>
            <datalist id="known-releases">
              {catalog.releases.known.map((r) => (
                <option key={r.id} value={r.id} />
              ))}
            </datalist>
            {consequence && <Callout>{consequence}</Callout>}
          </>
        }
      />

      {facts?.options.gkeWorkloadIdentity && (
        <CheckboxField
          label="CARTO runs on GKE with Workload Identity"
          hint={
            <>
              Adds{' '}
              {gke.entries.map((e, i) => (
                <span key={e}>
                  {i > 0 && (i === gke.entries.length - 1 ? ' and ' : ', ')}
                  <code>{e}</code>
                </span>
              ))}{' '}
              to the excluded domains. {gke.reason}
            </>
          }
          registration={register('deployment.gkeWorkloadIdentity')}
          error={errors?.gkeWorkloadIdentity?.message}
        />
      )}

      {facts?.kubernetes && (
        <>
          <CheckboxField
            label="The cluster’s nodes pull CARTO’s images through this proxy"
            hint={
              <>
                Only if your nodes have no direct route to the registries: adds{' '}
                {catalog.imageRegistries.domains.map((d, i) => (
                  <span key={d}>
                    {i > 0 && ' and '}
                    <code>{d}</code>
                  </span>
                ))}{' '}
                to the allowlist for your proxy admin.
              </>
            }
            registration={register('deployment.imagePullsThroughProxy')}
            error={errors?.imagePullsThroughProxy?.message}
          />
          <TextField
            label="Cluster domain"
            optional
            hint={
              <>
                Only if your cluster does not use the default{' '}
                <code>{catalog.defaultClusterDomain}</code> (the chart’s <code>clusterDomain</code>
                ): in-cluster traffic is excluded as <code>.svc.&lt;cluster domain&gt;</code>.
              </>
            }
            className="input--medium"
            autoComplete="off"
            spellCheck={false}
            placeholder={catalog.defaultClusterDomain}
            registration={register('deployment.clusterDomain')}
            error={errors?.clusterDomain?.message}
          />
        </>
      )}

      {facts?.options.kubernetesServiceIp && (
        <TextField
          label="ClusterIP of the kubernetes service"
          hint={
            <>
              <span>
                The Kubernetes API must be reached directly, so this address is excluded from the
                proxy. Get it with:
              </span>
              <span className="command">
                <code>{CLUSTER_IP_COMMAND}</code>
                <CopyButton text={CLUSTER_IP_COMMAND} label="Copy command" />
              </span>
            </>
          }
          className="input--medium"
          autoComplete="off"
          spellCheck={false}
          placeholder="10.96.0.1"
          registration={register('deployment.kubernetesServiceIp')}
          error={errors?.kubernetesServiceIp?.message}
        />
      )}

      {/* The question first; starting from a file is the secondary way in (issue 21, item 4). */}
      <OptionalChunk what="Start from an existing file" holdStep>
        <ImportPanel catalog={catalog} />
      </OptionalChunk>
    </StepFrame>
  );
}

export default function DeploymentStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="deployment" query={catalog} />;
  return <DeploymentForm catalog={catalog.data} />;
}
