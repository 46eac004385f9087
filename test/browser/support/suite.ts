/**
 * What most browser test files share: the local environment with the built app, and Chromium, started before the
 * file's tests and closed after them. ES modules' live bindings let the file read `app` and `browser` once started.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppEnvironment, type AppEnvironment } from './app.ts';
import { launchChromium } from './browser.ts';

export let app: AppEnvironment;
export let browser: Browser;

/** Call once at the top of a test file. */
export function withAppAndBrowser(): void {
  beforeAll(async () => {
    app = await startAppEnvironment();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
}
