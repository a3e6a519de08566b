/**
 * Step 1: the deployment method (which file you get), the release (which keys it uses), and for
 * Kubernetes whether the nodes pull images through the proxy. The cluster's facts that only add
 * excluded domains (GKE, cluster domain, Kots's ClusterIP) are asked on that step (issue 21, item 4).
 * Below them, as the secondary way in, "Start from an existing file" can fill all of it from a
 * customer.env or Helm values.
 */
import { CA_DESTINATION_TEXT } from '@wizard/shared/ca-destinations';
import { methodFactsIn, type MethodFacts } from '@wizard/shared/method-facts-in';
import { useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { Callout } from '../../components/callout.tsx';
import { DocLink } from '../../components/doc-link.tsx';
import { CheckboxField, Choice, ChoiceGroup, TextField } from '../../components/field.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { lazyWithPreload } from '../../wizard/loading/lazy.ts';
import { OptionalChunk } from '../../wizard/loading/optional-chunk.tsx';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { useStepForm } from '../../wizard/frame/use-step-form.ts';

// Its own chunk, so the first question is not heavier for it; requested with this step.
const ImportPanel = lazyWithPreload(() => import('./import-panel.tsx'));
void ImportPanel.preload().catch(() => undefined);

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
      `Before ${pubSub.since} Pub/Sub cannot use HTTPS (usePubSubRestApi): with an HTTPS proxy it connects directly over gRPC.`,
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
            {chosen && methodFactsIn(catalog, chosen.id, undefined).releaseNeededFor.customCa
              ? ' (a custom CA needs it: where it goes depends on it)'
              : ''}
            . Rules from CARTO’s repositories up to {catalog.releases.latest}.
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

      {/* Asked only where it adds registries (Helm): Kots pulls through a host already allowed. */}
      {facts !== undefined && facts.imageRegistries.length > 0 && (
        <CheckboxField
          label="The cluster’s nodes pull CARTO’s images through this proxy"
          hint={
            <>
              Only if your nodes have no direct route to the registries: adds{' '}
              {facts.imageRegistries.map((d, i) => (
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
