#!/usr/bin/env node
// The `carto-proxy-wizard` command. Node 20 cannot run TypeScript by itself, so tsx's loader is
// registered first (https://tsx.is/dev-api/register-esm), with the server's own tsconfig so the
// caller's working directory does not change how the sources compile.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('../src/cli.ts');
await main();
