import { useId } from 'react';
import { CheckIcon } from '../../components/icons.tsx';
import { useWizardStore } from '../state/context.ts';
import { shareLink } from './share.ts';
import { useWizardState } from '../state/store.ts';
import './share-panel.css';
import '../../components/forms.css';

export default function SharePanel({ copied, onClose }: { copied: boolean; onClose: () => void }) {
  const store = useWizardStore();
  const id = useId();
  const state = useWizardState(store, (s) => s);
  const link = shareLink(state);
  const hasCa = state.draft.proxy.customCa.trim() !== '';
  return (
    <div className="share-panel" id="share-panel">
      <section className="share-panel__box panel" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="share-panel__title">
          {copied ? (
            <span className="status-ok">
              <CheckIcon className="inline-icon" /> Share link copied
            </span>
          ) : (
            'Share link'
          )}
        </h2>
        <div className="share-panel__row">
          <label htmlFor={id} className="visually-hidden">
            Share link
          </label>
          <input
            id={id}
            className="input"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--small" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="notice">
          Anyone who opens it sees these answers: they travel in the link itself, not through a
          server.{' '}
          <strong>
            {hasCa
              ? 'Your custom CA is not included: it is too large for a link and stays in this browser. Whoever opens the link pastes it again on the TLS step.'
              : 'A custom CA is never included in a link: it is too large and stays in this browser.'}
          </strong>
        </p>
        {/* The single-file wizard (vite.standalone.config.ts): the link names this copy's path. */}
        {import.meta.env.MODE === 'standalone' && window.location.protocol === 'file:' && (
          <p className="notice">
            This copy of the wizard is a file on this computer, so the link opens it here. Someone
            else opens the link with their own copy of the file: the answers are the part from{' '}
            <code>#</code> on, which works at the end of any copy’s address.
          </p>
        )}
      </section>
    </div>
  );
}
