/**
 * The same configuration without the browser (issue 21, item 10): the `curl` and
 * `npx carto-proxy-wizard` commands that give the files the Review step offers, for the answers saved
 * as answers.json. Spring Initializr shows its curl and CLI the same way; the commands here are the
 * API and CLI this repository ships (README.md, "API" and "CLI").
 */
import type { DeploymentMethodId } from './catalog.ts';
import { ownFileNameFor } from './import/merge-targets.ts';
import { ZIP_FOLDER } from './render/types.ts';

/** The answers document the commands read (the JSON POST /api/render takes). */
export const ANSWERS_FILE = 'answers.json';

export interface AutomationCommand {
  /** What the command does, one short sentence. */
  label: string;
  command: string;
}

/**
 * @param origin Where this wizard's API answers (`http://localhost:8080`), as the page sees it.
 */
export function automationCommands(
  origin: string,
  method: DeploymentMethodId,
): AutomationCommand[] {
  const api = origin.replace(/\/+$/, '');
  const commands: AutomationCommand[] = [
    {
      label: 'The same .zip from this wizard’s API:',
      command: `curl -fsS -X POST ${api}/api/download -H 'content-type: application/json' -d @${ANSWERS_FILE} -o ${ZIP_FOLDER}.zip`,
    },
    {
      label: 'The same files with the command-line tool (in a checkout of the wizard):',
      command: `npx carto-proxy-wizard render ${ANSWERS_FILE} --out ${ZIP_FOLDER}`,
    },
  ];
  const target = ownFileNameFor(method);
  if (target !== undefined) {
    commands.push({
      label: `Your own ${target} with the proxy settings replaced (a .bak copy is kept):`,
      command: `npx carto-proxy-wizard merge --answers ${ANSWERS_FILE} --into ${target} --write`,
    });
  }
  return commands;
}

/** answers.json as the commands read it: the answers document, indented, with a final newline. */
export function answersJson(answers: unknown): string {
  return `${JSON.stringify(answers, null, 2)}\n`;
}
