/**
 * A share link opened while this browser holds other answers. The link replaces the whole draft (the
 * custom CA too: a link never carries one, and the old one belongs to another install), so the user
 * is asked first; nothing of the old draft survives unless they keep it (issue 11, item 1).
 */
import { useEffect, useRef } from 'react';
import { useWizardStore } from '../state/context.ts';
import { hasAnswers } from '../state/draft.ts';
import { useWizardState } from '../state/store.ts';

export function LinkPrompt() {
  const store = useWizardStore();
  const link = useWizardState(store, (s) => s.pendingLink);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (link) heading.current?.focus();
  }, [link]);
  if (!link) return null;
  const hadCa = store.getState().draft.proxy.customCa.trim() !== '';
  return (
    <section className="panel link-prompt" aria-labelledby="link-prompt-title">
      <h2 id="link-prompt-title" className="link-prompt__title" tabIndex={-1} ref={heading}>
        Open the answers of this link?
      </h2>
      <p>
        The link you opened holds answers for {hasAnswers(link.draft) ? 'an' : 'a new, empty'}{' '}
        installation. Opening it replaces all your current answers
        {hadCa ? ', including your custom CA' : ''}; nothing of them is kept.
      </p>
      <div className="link-prompt__actions">
        <button type="button" className="button button--primary" onClick={store.acceptLink}>
          Open the link’s answers
        </button>
        <button type="button" className="button" onClick={store.dismissLink}>
          Keep my answers
        </button>
      </div>
    </section>
  );
}
