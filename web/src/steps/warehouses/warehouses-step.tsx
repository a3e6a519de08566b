/**
 * Step 5: the data warehouses this installation connects to. Each one says what happens to its traffic
 * with the chosen proxy protocol (through the proxy, excluded, or direct TCP), before it is chosen.
 */
import { useWatch } from 'react-hook-form';
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { Callout } from '../../components/callout.tsx';
import { DocLink } from '../../components/doc-link.tsx';
import { Choice, ChoiceGroup } from '../../components/field.tsx';
import { WarningIcon } from '../../components/icons.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { useWizardStore } from '../../wizard/state/context.ts';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { useStepForm } from '../../wizard/frame/use-step-form.ts';
import '../steps.css';

function WarehousesForm({ catalog }: { catalog: Catalog }) {
  const store = useWizardStore();
  const protocol = store.getState().draft.proxy.protocol === 'https' ? 'https' : 'http';
  const form = useStepForm('warehouses');
  const { register, control, formState } = form;
  const chosen = useWatch({ control, name: 'warehouses' }) ?? [];
  const bypassing = catalog.warehouses.filter(
    (w) => chosen.includes(w.id) && !w.throughProxy[protocol],
  );

  return (
    <StepFrame
      step="warehouses"
      form={form}
      intro={`Some warehouses go through the proxy, others connect directly. Each choice says what happens with your ${protocol.toUpperCase()} proxy.`}
      source={catalog.sources.egress}
    >
      <ChoiceGroup
        legend="Data warehouses CARTO connects to"
        hint="Choose every one you use, or none."
        type="checkbox"
        registration={register('warehouses')}
        error={formState.errors.warehouses?.message}
      >
        {catalog.warehouses.map((w) => {
          const direct = !w.throughProxy[protocol];
          return (
            <Choice
              key={w.id}
              value={w.id}
              label={w.label}
              description={
                <span
                  className={
                    direct && chosen.includes(w.id)
                      ? 'consequence consequence--direct'
                      : 'consequence'
                  }
                >
                  {direct && <WarningIcon className="inline-icon" />} {w.consequence[protocol]}{' '}
                  <DocLink source={w.source}>Source</DocLink>
                </span>
              }
            />
          );
        })}
      </ChoiceGroup>
      {bypassing.length > 0 && (
        <Callout title="Your network team must allow these direct connections">
          <ul className="plain-list">
            {bypassing.map((w) => (
              <li key={w.id}>
                {w.label}:{' '}
                {w.direct ? `${w.direct.target}, TCP ${w.direct.port}` : 'direct connection'}
              </li>
            ))}
          </ul>
          <p>
            <code>egress-rules.md</code> lists them for your network team.
          </p>
        </Callout>
      )}
    </StepFrame>
  );
}

export default function WarehousesStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="warehouses" query={catalog} />;
  return <WarehousesForm catalog={catalog.data} />;
}
