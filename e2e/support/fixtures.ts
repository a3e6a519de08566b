/**
 * The test fixture every spec uses: a `wizard` driver, and an automatic guard that fails the test when
 * the page requests anything outside its own origin or logs an error (a CSP violation is logged as one).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { Wizard } from './wizard.ts';

export interface PageGuard {
  foreign: string[];
  errors: string[];
}

/** Watches a page: requests to other origins, console errors and uncaught exceptions. */
export function guardPage(page: Page, origin: string): PageGuard {
  const guard: PageGuard = { foreign: [], errors: [] };
  page.on('request', (request) => {
    const url = request.url();
    // Downloads made from an object URL stay on this origin; data: URLs never leave the page.
    if (url.startsWith(`blob:${origin}/`) || url.startsWith('data:')) return;
    if (new URL(url).origin !== origin) guard.foreign.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') guard.errors.push(message.text());
  });
  page.on('pageerror', (error) => guard.errors.push(error.message));
  return guard;
}

export function expectClean(guard: PageGuard): void {
  expect(guard.foreign, 'requests to other origins').toEqual([]);
  expect(guard.errors, 'console errors and uncaught exceptions').toEqual([]);
}

export const test = base.extend<{ wizard: Wizard; origin: string; pageGuard: PageGuard }>({
  origin: async ({ baseURL }, use) => {
    await use(new URL(baseURL ?? 'http://127.0.0.1:4173').origin);
  },
  pageGuard: [
    async ({ page, origin }, use) => {
      const guard = guardPage(page, origin);
      await use(guard);
      expectClean(guard);
    },
    { auto: true },
  ],
  wizard: async ({ page }, use) => {
    await use(new Wizard(page));
  },
});

export { expect };
