/** While the catalog loads (or when the server cannot give it): the step's frame, never an empty page. */
import type { CatalogQuery } from '../../api/catalog.ts';
import { Callout } from '../../components/callout.tsx';
import { STEPS, type StepId } from '../registry/steps.ts';

export function CatalogStatus({ step, query }: { step: StepId; query: CatalogQuery }) {
  return (
    <section className="step panel" aria-labelledby={`${step}-title`}>
      <h2 id={`${step}-title`} className="step__title" tabIndex={-1}>
        {STEPS[step].title}
      </h2>
      {query.isError ? (
        <Callout tone="danger" role="alert" title="The wizard’s server did not answer">
          <p>
            {query.error instanceof Error
              ? query.error.message
              : 'The catalog could not be loaded.'}{' '}
            Your answers are kept in this browser.
          </p>
          <p>
            <button
              type="button"
              className="button button--small"
              onClick={() => void query.refetch()}
            >
              Try again
            </button>
          </p>
        </Callout>
      ) : (
        <p className="step__loading" role="status">
          Loading the questions…
        </p>
      )}
    </section>
  );
}
