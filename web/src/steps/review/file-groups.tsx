/**
 * The Review step's answer to "what now?" (issue 21, item 9): the files grouped by who acts on them
 * (shared `fileAudience`), each group with its own download. A group's .zip is built in this browser
 * from the files the preview shows, which are the bytes the server sends (the same shared renderer).
 */
import type { OutputFile } from '@wizard/shared';
import { AUDIENCE_LABELS, fileAudience, type Audience } from '@wizard/shared/render/audience';
import { saveFile } from '../../api/download.ts';
import { announce } from '../../components/announce.ts';
import { DownloadIcon } from '../../components/icons.tsx';

const ORDER: Audience[] = ['you', 'proxy-admin', 'network-team'];

/** A group's .zip: the shared zip writer of POST /api/download (same folder, modes and dates). */
async function groupZip(files: readonly OutputFile[]): Promise<Blob> {
  const { zipFiles } = await import('@wizard/shared/download');
  return new Blob([zipFiles(files) as Uint8Array<ArrayBuffer>], { type: 'application/zip' });
}

export function FileGroups({ files }: { files: readonly OutputFile[] }) {
  const groups = ORDER.map((audience) => ({
    audience,
    files: files.filter((f) => fileAudience(f.name) === audience),
  })).filter((g) => g.files.length > 0);
  return (
    <div className="file-groups">
      {groups.map(({ audience, files: group }) => {
        const { title, zip } = AUDIENCE_LABELS[audience];
        return (
          <section key={audience} className="file-group" aria-labelledby={`file-group-${audience}`}>
            <h3 id={`file-group-${audience}`} className="file-group__title">
              {title}
            </h3>
            <p className="file-group__files">
              {group.map((f, i) => (
                <span key={f.name}>
                  {i > 0 && ', '}
                  <code>{f.name}</code>
                </span>
              ))}
            </p>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                void groupZip(group).then((blob) => {
                  saveFile({ blob, filename: `${zip}.zip` });
                  announce(`${title}: ${group.length} files downloaded.`);
                });
              }}
            >
              <DownloadIcon />
              Download these ({group.length === 1 ? '1 file' : `${group.length} files`})
            </button>
          </section>
        );
      })}
    </div>
  );
}
