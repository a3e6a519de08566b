import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { defineConfig, globalIgnores } from 'eslint/config';

/** Each wizard step's folder: a step never imports another step's code (issue 17). */
const STEPS = [
  'deployment',
  'proxy',
  'tls',
  'excluded-domains',
  'warehouses',
  'services',
  'review',
];

/** Test code: test files, test helpers and fixtures. Production sources never import it. */
const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];
const TEST_FOLDERS = ['./shared/src/test-support', './shared/src/fixtures', './server/test'];
const TEST_CODE = [...TEST_FILES, ...TEST_FOLDERS.map((folder) => `${folder.slice(2)}/**`)];

/**
 * A step's definition (its fields, values, when it applies) is part of the first paint and its check
 * loads with the schema: neither imports component code, React or the rest of the wizard, only the
 * draft's types and the helpers written for them (web/src/wizard/registry/steps.ts).
 */
const STEP_PARTS = ['./web/src/steps/*/definition.ts', './web/src/steps/*/check.ts'];
const STEP_PART_BOUNDARIES = [
  {
    target: STEP_PARTS,
    from: './web/src/wizard',
    except: ['./state/draft.ts', './registry/step-definition.ts', './validation/step-check.ts'],
    message:
      'A step’s definition and check import only the draft’s types and registry/step-definition.ts or validation/step-check.ts.',
  },
  {
    target: STEP_PARTS,
    from: [
      './web/src/**/*.tsx',
      './web/src/components/**',
      './web/src/preview/**',
      './web/src/api/**',
    ],
    message:
      'A step’s definition and check hold no component code: keep UI in the step’s .tsx files.',
  },
];

/**
 * Lines the code cannot cross (issue 17), type imports included, for every file: `shared` imports
 * nothing of the others; `server` and `web` import only `shared` and themselves; e2e goes through
 * public interfaces (the package @wizard/shared and the test helpers in server/test); a step folder
 * never imports another step's.
 */
const BOUNDARIES = [
  {
    target: './shared',
    from: ['./server', './web', './e2e', './scripts'],
    message: 'shared imports nothing of server, web, e2e or scripts.',
  },
  {
    target: './server',
    from: ['./web', './e2e'],
    message: 'server imports only shared and itself.',
  },
  {
    target: './web',
    from: ['./server', './e2e', './scripts'],
    message: 'web imports only shared and itself.',
  },
  {
    target: './e2e',
    from: ['./server', './web', './scripts'],
    except: ['./test'],
    message:
      'e2e drives the built app through public interfaces (@wizard/shared, the helpers in server/test), never server or web internals.',
  },
  ...STEPS.map((step) => ({
    target: `./web/src/steps/${step}`,
    from: './web/src/steps',
    except: [`./${step}`, './steps.css'],
    message: 'A step folder never imports another step’s code: move what both need out of steps/.',
  })),
  ...STEP_PART_BOUNDARIES,
];

/** What ships never imports scripts/, e2e/ or test code (test files, helpers, fixtures). */
const PRODUCTION_BOUNDARIES = [
  ...BOUNDARIES,
  {
    target: ['./shared/src', './server/src', './web/src'],
    from: ['./scripts', './e2e', ...TEST_FOLDERS],
    message: 'Production sources never import scripts/, e2e/ or test code.',
  },
  {
    target: ['./shared/src', './server/src', './web/src'],
    from: TEST_FILES.map((glob) => `./${glob}`),
    message: 'Production sources never import test code.',
  },
];

export default defineConfig([
  globalIgnores([
    'dist',
    'server/dist',
    'playwright-report',
    'test-results',
    'node_modules',
    '**/*.mjs',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ alwaysTryTypes: true })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: BOUNDARIES }],
    },
  },
  {
    files: ['shared/src/**/*.{ts,tsx}', 'server/src/**/*.{ts,tsx}', 'web/src/**/*.{ts,tsx}'],
    ignores: TEST_CODE,
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: PRODUCTION_BOUNDARIES,
        },
      ],
    },
  },
  {
    files: STEP_PARTS.map((glob) => glob.slice(2)),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'react-dom/client', '@tanstack/react-query'].map(
            (name) => ({ name, message: 'A step’s definition and check hold no component code.' }),
          ),
          patterns: [
            {
              group: ['react-hook-form', '@hookform/*'],
              allowTypeImports: true,
              message: 'A step’s definition and check use the form library’s types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['server/**', 'e2e/**', 'scripts/**', '*.config.{ts,js}'],
    languageOptions: { globals: globals.node },
  },
  { files: ['eslint.config.js'], extends: [tseslint.configs.disableTypeChecked] },
]);
