/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { firstStepChunkName } from './scripts/first-step-chunk.ts';
import { precompressPlugin } from './scripts/precompress.ts';

/**
 * The production build renders with Preact through preact/compat (ADR 006, addendum): react-dom was
 * 52 KB brotli of the first question’s 90 KB budget on the slow link, Preact about 6 KB. Only for
 * `vite build`: `npm run dev` keeps React for plugin-react's fast refresh, and Vitest (command
 * `serve`) runs the web tests on React with @testing-library/react. The e2e suite runs the built
 * bundle, so it is what proves the Preact build.
 *
 * @see {@link https://preactjs.com/guide/v10/switching-to-preact/#setting-up-compat}
 */
const PREACT_ALIASES = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];

/** Fails the build when React itself is bundled (an import the aliases above do not cover). */
function noReactInBuild(): Plugin {
  return {
    name: 'no-react-in-build',
    apply: 'build',
    generateBundle() {
      const react = [...this.getModuleIds()].filter((id) =>
        /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id),
      );
      if (react.length > 0) {
        this.error(
          `React is in the production build (alias it to preact/compat): ${react.join(', ')}`,
        );
      }
    },
  };
}

// One Vite config for the web app (root: web/) and for every Vitest project.
export default defineConfig(({ command }) => ({
  root: 'web',
  resolve: command === 'build' ? { alias: PREACT_ALIASES } : {},
  plugins: [react(), noReactInBuild(), precompressPlugin()],
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
}));
