/** Step 6: optional services whose domains the proxy must also allow. */
import { useCatalog, type Catalog } from '../../api/catalog.ts';
import { DocLink } from '../../components/doc-link.tsx';
import { Choice, ChoiceGroup } from '../../components/field.tsx';
import { CatalogStatus } from '../../wizard/frame/catalog-status.tsx';
import { StepFrame } from '../../wizard/frame/step-frame.tsx';
import { useStepForm } from '../../wizard/frame/use-step-form.ts';
import '../steps.css';

function ServicesForm({ catalog }: { catalog: Catalog }) {
  const form = useStepForm('services');
  const { register, formState } = form;
  return (
    <StepFrame
      step="services"
      form={form}
      intro="Features that call services outside CARTO. Each one you choose adds its domains to the proxy allowlist."
      source={catalog.sources.egress}
    >
      <ChoiceGroup
        legend="Optional services this installation uses"
        hint="Choose every one you use, or none."
        type="checkbox"
        columns
        registration={register('services')}
        error={formState.errors.services?.message}
      >
        {catalog.services.map((s) => (
          <Choice
            key={s.id}
            value={s.id}
            label={s.label}
            description={
              <>
                {s.description}{' '}
                <span className="domains">
                  Allows{' '}
                  {s.domains.map((d, i) => (
                    <span key={d}>
                      {i > 0 && ', '}
                      <code>{d}</code>
                    </span>
                  ))}
                  .
                </span>
                {s.note && <> {s.note}</>} <DocLink source={s.source}>Source</DocLink>
              </>
            }
          />
        ))}
      </ChoiceGroup>
    </StepFrame>
  );
}

export default function ServicesStep() {
  const catalog = useCatalog();
  if (!catalog.data) return <CatalogStatus step="services" query={catalog} />;
  return <ServicesForm catalog={catalog.data} />;
}
