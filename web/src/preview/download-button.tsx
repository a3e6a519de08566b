/**
 * Downloads from the server (the .zip, or one file). The server renders with the same shared code as
 * the preview. A failure is shown next to the button; the answers are never touched.
 */
import type { AnswersInput } from '@wizard/shared';
import type { PreflightLine } from '@wizard/shared/preflight';
import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { downloadMutation } from '../api/download.ts';
import { ApiError } from '../api/http.ts';
import { Callout } from '../components/callout.tsx';
import { DownloadIcon } from '../components/icons.tsx';

export function DownloadButton({
  answers,
  preflight,
  file,
  ownFile,
  label,
  accessibleLabel,
  primary,
  small,
}: {
  answers: AnswersInput;
  /** The finished proxy check run the preview's README.md records, so the download says the same. */
  preflight?: readonly PreflightLine[];
  file?: string;
  /** The user's own file, merged in this browser, added to the zip (issue 21, item 2). */
  ownFile?: { name: string; text: string };
  label: ReactNode;
  accessibleLabel?: string;
  primary?: boolean;
  small?: boolean;
}) {
  const download = useMutation(downloadMutation());
  const classes = ['button', primary && 'button--primary', small && 'button--small']
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <button
        type="button"
        className={classes}
        aria-label={accessibleLabel}
        aria-disabled={download.isPending || undefined}
        onClick={() => {
          if (!download.isPending) download.mutate({ answers, file, preflight, ownFile });
        }}
      >
        <DownloadIcon />
        {download.isPending ? 'Preparing…' : label}
      </button>
      {download.isError && (
        <div className="download-error">
          <Callout tone="danger" role="alert" title="The download failed">
            <p>
              {download.error.message} Your answers are unchanged;{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => download.mutate({ answers, file, preflight, ownFile })}
              >
                try again
              </button>
              .
            </p>
            {download.error instanceof ApiError && download.error.issues.length > 0 && (
              <ul className="plain-list">
                {download.error.issues.map((issue) => (
                  <li key={issue.path.join('.') + issue.message}>
                    <code>{issue.path.join('.') || '(answers)'}</code>: {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </Callout>
        </div>
      )}
    </>
  );
}
