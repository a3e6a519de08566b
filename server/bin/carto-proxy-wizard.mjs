#!/usr/bin/env node
// The `carto-proxy-wizard` command: the CLI built to plain JavaScript by `npm run build`
// (scripts/build-server.ts), so nothing is transpiled at start (issue 10).
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli.js'))
    throw error;
  process.stderr.write('carto-proxy-wizard is not built yet: run npm run build first.\n');
  process.exit(1);
}
await cli.main();
