/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstStepChunkName } from './scripts/first-step-chunk.ts';
import { precompressPlugin } from './scripts/precompress.ts';
import { prerenderPlugin } from './scripts/prerender.ts';

// One Vite config for the web app (root: web/) and for every Vitest project.
export default defineConfig({
  root: 'web',
  // prerenderPlugin writes index.html before precompressPlugin compresses it (both sequential).
  plugins: [react(), prerenderPlugin(), precompressPlugin()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Every browser the wizard supports has <link rel=modulepreload>: no polyfill on the first load.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: firstStepChunkName(), debugName: 'first-step' }] },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  test: {
    // expect.poll waits on a state (a tunnel closed, a connection counted): its 1 s default is too
    // short on a busy machine, and a state that never comes still fails (issue 20, item 2).
    expect: { poll: { timeout: 15_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          root: '.',
          include: ['shared/src/**/*.test.ts'],
          environment: 'node',
          // Property suites run 1,000 cases each: a generous ceiling, not a speed check.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          // Servers, proxies, Squid and the CLI started for real on a busy 2-core machine: a
          // generous ceiling, not a speed check (issue 20, item 2).
          testTimeout: 30_000,
          root: '.',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          // The CLI tests run the built bin (server/dist), as users do.
          globalSetup: ['server/test/build-for-tests.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Maintainer scripts: the facts:sync extractor runs on repositories its tests build with git.
          name: 'scripts',
          root: '.',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          root: '.',
          include: ['web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
