/**
 * "Copy share link": the current address (answers in the fragment, which browsers never send to a
 * server) copied to the clipboard, then a panel showing it (in case the clipboard is blocked) and saying
 * that the custom CA is not in it. The panel is a small chunk fetched on idle.
 */
import { copyText } from '../../components/clipboard.ts';
import { CopyIcon } from '../../components/icons.tsx';
import { useWizardStore } from '../state/context.ts';
import { shareLink } from './share.ts';

export function ShareButton({
  open,
  onOpen,
}: {
  open: boolean;
  onOpen: (copied: boolean) => void;
}) {
  const store = useWizardStore();
  return (
    <button
      type="button"
      className="button button--small"
      aria-expanded={open}
      aria-controls={open ? 'share-panel' : undefined}
      onClick={() => {
        void copyText(shareLink(store.getState())).then(onOpen);
      }}
    >
      <CopyIcon />
      Copy share link
    </button>
  );
}
