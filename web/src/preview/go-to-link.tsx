/** A link to the step and field an error or warning is about; focus lands on the field. */
import type { ReactNode } from 'react';
import { useWizardStore } from '../wizard/state/context.ts';
import { encodeFragment } from '../wizard/sharing/fragment.ts';
import { stepForPath } from '../wizard/registry/steps.ts';
import type { FieldPath } from '../wizard/state/store.ts';

export function GoToLink({ path, children }: { path: FieldPath; children: ReactNode }) {
  const store = useWizardStore();
  const step = stepForPath(path);
  const state = store.getState();
  return (
    <a
      href={encodeFragment({ draft: state.draft, step, reached: state.reached })}
      onClick={(event) => {
        event.preventDefault();
        store.goTo(step, { kind: 'field', path });
      }}
    >
      {children}
    </a>
  );
}
