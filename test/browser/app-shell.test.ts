/**
 * The web app as `npm start` serves it (built, with its config.json and the deployed security headers), in headless
 * Chromium: it loads with no console error and nothing refused by its content security policy, shows its sign-in page
 * (at the root and at a deep link), and its language switch changes the page's words and `<html lang>`, remembered.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { startAppEnvironment, type AppEnvironment } from './support/app.ts';
import { launchChromium } from './support/browser.ts';

let app: AppEnvironment;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
/** What the policy refused, as the pages' own securitypolicyviolation events report it, across navigations. */
const cspViolations: string[] = [];
const requestedHosts = new Set<string>();

beforeAll(async () => {
  app = await startAppEnvironment();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'en-GB' });
  await context.exposeFunction('reportCspViolation', (violation: string) => cspViolations.push(violation));
  // Page code as text: this project type-checks against Node's globals, not the DOM's.
  await context.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (e) => reportCspViolation(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline')));",
  });
  context.on('request', (r) => requestedHosts.add(new URL(r.url()).host));
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const signInHeading = (title: string) => page.getByRole('heading', { name: title, level: 1 });
const languageSwitch = (label: string) => page.getByRole('button', { name: label });
const htmlLang = () => page.locator('html').getAttribute('lang');

describe('the web app in a browser', () => {
  it('loads with the security headers of the deployed app and shows its sign-in page', async () => {
    const response = await page.goto(`${app.appUrl}/`);
    expect(response?.status()).toBe(200);
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    await expect.poll(() => signInHeading(en['signIn.title']).isVisible()).toBe(true);
    expect(await htmlLang()).toBe('en');
    expect(await page.title()).toContain(en['app.title']);
  });

  it('switches to Chinese and back with its language switch, and remembers the choice', async () => {
    await languageSwitch(en['lang.other']).click();
    await expect.poll(htmlLang).toBe('zh-CN');
    await expect.poll(() => signInHeading(zhCN['signIn.title']).isVisible()).toBe(true);

    await page.reload();
    await expect.poll(() => signInHeading(zhCN['signIn.title']).isVisible()).toBe(true);
    expect(await htmlLang()).toBe('zh-CN');

    await languageSwitch(zhCN['lang.other']).click();
    await expect.poll(htmlLang).toBe('en');
    await expect.poll(() => signInHeading(en['signIn.title']).isVisible()).toBe(true);
  });

  it("opens at a deep link (the server answers the app's routes with the app)", async () => {
    const response = await page.goto(`${app.appUrl}/cases`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => signInHeading(en['signIn.title']).isVisible()).toBe(true);
  });

  it('logged no error, was refused nothing by its policy, and reached only its own origin and the API', async () => {
    expect(cspViolations).toEqual([]);
    expect(consoleErrors).toEqual([]);
    const own = new Set([new URL(app.appUrl).host, new URL(app.apiUrl).host]);
    expect([...requestedHosts].filter((host) => !own.has(host))).toEqual([]);
  });
});

describe("a desk whose code cannot be fetched", () => {
  it('says so with a way to try again instead of a blank page, and loads once it can', async () => {
    const other = await browser.newContext({ locale: 'en-GB' });
    const tab = await other.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (err) => errors.push(err.message));
    // The reviewers' desk is fetched only when opened: its file is unreachable (a deployment replaced it, or offline).
    let blocked = true;
    await tab.route(/\/assets\/assignments-page-[^/]+\.js$/, (route) => (blocked ? route.abort('failed') : route.fallback()));
    await tab.goto(`${app.appUrl}/reviews`);
    await tab.getByLabel(en['signIn.name'], { exact: true }).fill('reviewer-offline');
    await tab.getByLabel(en['signIn.email'], { exact: true }).fill('reviewer-offline@example.org');
    await tab.getByLabel(en['signIn.role.reviewer'], { exact: true }).check();
    await tab.getByRole('button', { name: en['signIn.submit'] }).click();
    const failure = tab.getByRole('alert').filter({ hasText: en['error.network'] });
    await expect.poll(() => failure.isVisible()).toBe(true);
    blocked = false;
    await failure.getByRole('button', { name: en['action.retry'] }).click();
    await expect.poll(() => tab.getByRole('heading', { level: 1 }).first().textContent()).not.toBe(en['signIn.title']);
    expect(await failure.count()).toBe(0);
    expect(errors).toEqual([]);
    await other.close();
  });
});

