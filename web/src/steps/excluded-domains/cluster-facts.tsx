/**
 * The cluster's facts, asked where they are used (issue 21, item 4): each only adds excluded domains,
 * so they sit above the entries they add. GKE Workload Identity (Helm and Kots), the cluster domain
 * (Kubernetes) and the kubernetes service ClusterIP (Kots) appear only for the methods that read them.
 */
import { methodFactsIn } from '@wizard/shared/method-facts-in';
import type { Catalog } from '../../api/catalog.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { CheckboxField, TextField } from '../../components/field.tsx';
import { useWizardStore } from '../../wizard/state/context.ts';
import { useWizardState } from '../../wizard/state/store.ts';
import type { StepForm } from '../../wizard/frame/use-step-form.ts';

const CLUSTER_IP_COMMAND = "kubectl get svc kubernetes -n default -o jsonpath='{.spec.clusterIP}'";

export function ClusterFacts({
  catalog,
  form,
}: {
  catalog: Catalog;
  form: StepForm<'excluded-domains'>;
}) {
  const store = useWizardStore();
  const method = useWizardState(store, (s) => s.draft.deployment.method);
  const release = useWizardState(store, (s) => s.draft.deployment.release);
  const chosen = catalog.deploymentMethods.find((m) => m.id === method);
  const facts = chosen && methodFactsIn(catalog, chosen.id, release);
  if (!facts?.kubernetes && !facts?.options.gkeWorkloadIdentity) return null;
  const { register, formState } = form;
  const errors = formState.errors.deployment;
  const gke = catalog.noProxyRules.gkeWorkloadIdentity;

  return (
    <section aria-labelledby="cluster-facts-title" className="field">
      <h3 id="cluster-facts-title" className="subheading">
        Your cluster
      </h3>
      {facts.options.kubernetesServiceIp && (
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
      {facts.kubernetes && (
        <TextField
          label="Cluster domain"
          optional
          hint={
            <>
              Only if your cluster does not use the default{' '}
              <code>{catalog.defaultClusterDomain}</code> (the chart’s <code>clusterDomain</code>):
              in-cluster traffic is excluded as <code>.svc.&lt;cluster domain&gt;</code>.
            </>
          }
          className="input--medium"
          autoComplete="off"
          spellCheck={false}
          placeholder={catalog.defaultClusterDomain}
          registration={register('deployment.clusterDomain')}
          error={errors?.clusterDomain?.message}
        />
      )}
      {facts.options.gkeWorkloadIdentity && (
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
    </section>
  );
}
