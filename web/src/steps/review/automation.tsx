/**
 * "Do this again without the browser" (issue 21, item 10): the answers as answers.json, and the curl
 * and `npx carto-proxy-wizard` commands that give the same files from them, as Spring Initializr
 * shows its curl and CLI. The commands come from the shared `automationCommands`.
 */
import type { AnswersInput, DeploymentMethodId } from '@wizard/shared';
import { ANSWERS_FILE, answersJson, automationCommands } from '@wizard/shared/automation';
import { saveFile } from '../../api/download.ts';
import { announce } from '../../components/announce.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { DownloadIcon } from '../../components/icons.tsx';

export function Automation({ input, method }: { input: AnswersInput; method: DeploymentMethodId }) {
  const commands = automationCommands(window.location.origin, method);
  const json = answersJson(input);
  return (
    <section className="automation" aria-labelledby="automation-heading">
      <h3 id="automation-heading">Automate it</h3>
      <p>
        Save these answers as <code>{ANSWERS_FILE}</code> to get the same files from a script or CI:
      </p>
      <p>
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            saveFile({
              blob: new Blob([json], { type: 'application/json' }),
              filename: ANSWERS_FILE,
            });
            announce(`${ANSWERS_FILE} downloaded.`);
          }}
        >
          <DownloadIcon />
          Download {ANSWERS_FILE}
        </button>
      </p>
      <ul className="automation__list">
        {commands.map((c) => (
          <li key={c.command}>
            <p>{c.label}</p>
            <div className="command command--block">
              <pre>
                <code>{c.command}</code>
              </pre>
              <CopyButton text={c.command} label="Copy command" what={c.label.replace(/:$/, '')} />
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
