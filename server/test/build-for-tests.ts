/**
 * Vitest global setup of the server project: builds server/dist first, so the tests of the
 * installed command run the same built files `npm start` and `carto-proxy-wizard` run.
 */
import { buildServer } from '../../scripts/build-server.ts';

export default async function setup(): Promise<void> {
  await buildServer();
}
