import { Callout } from '../../components/callout.tsx';
import { useWizardStore } from '../state/context.ts';

/**
 * A share link says its sender used a custom CA; links never carry the CA itself (issue 11, item 2).
 * Shown on this step and on Review until one is pasted or the user says it is not needed.
 */
export function CustomCaExpected({ onPaste }: { onPaste?: () => void }) {
  const store = useWizardStore();
  return (
    <Callout tone="warning" title="The sender of this link used a custom CA: paste it">
      <p>
        Share links never carry the CA certificate, so it is not here yet. Paste the proxy’s CA
        certificate{onPaste ? ' on the TLS step' : ' below'}, or say it is not needed.
      </p>
      <p className="callout__actions">
        {onPaste && (
          <button type="button" className="button button--small" onClick={onPaste}>
            Paste the CA
          </button>
        )}
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() =>
            store.updateDraft((draft) => ({
              ...draft,
              proxy: { ...draft.proxy, customCaExpected: false },
            }))
          }
        >
          No custom CA is needed
        </button>
      </p>
    </Callout>
  );
}
