/**
 * The API reference page in a real browser, against the local environment of npm start: Swagger UI renders the
 * document from files this API serves, nothing is fetched from another host, and the local sign-in puts a token into
 * Authorize so that "Try it out" calls a signed-in route.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#shared/routes';
import { startLocalEnvironment, type LocalEnvironment } from '../../lib/local/environment.ts';
import { launchChromium } from './support/browser.ts';

let env: LocalEnvironment;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const requests: Request[] = [];
const cspViolations: string[] = [];

beforeAll(async () => {
  env = await startLocalEnvironment({ port: 0, host: '127.0.0.1', seed: true });
  browser = await launchChromium();
  context = await browser.newContext();
  context.on('request', (r) => requests.push(r));
  page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  await page.goto(`${env.url}/docs`);
});

afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

const operation = (route: { tag: string; operationId: string }) => page.locator(`#operations-${route.tag}-${route.operationId}`);

describe('GET /docs in a browser', () => {
  it('renders the operations of the document, grouped by tag', async () => {
    await expect.poll(() => operation(routes.listMyCases).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByText(routes.listMyCases.summary, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: routes.listEditions.tag }).first().isVisible()).toBe(true);
    expect(await operation(routes.listEditions).isVisible()).toBe(true);
  });

  it('filters the operations by tag', async () => {
    const filter = page.getByPlaceholder(/filter by tag/i);
    await filter.fill(routes.listEditions.tag);
    await expect.poll(() => operation(routes.listMyCases).count()).toBe(0);
    expect(await operation(routes.listEditions).isVisible()).toBe(true);
    await filter.fill('');
    await expect.poll(() => operation(routes.listMyCases).isVisible()).toBe(true);
  });

  it('signs in locally and calls a signed-in route with "Try it out"', async () => {
    await page.getByLabel('Subject').fill('docs-tester');
    await page.getByLabel('E-mail').fill('docs-tester@example.org');
    await page.getByLabel(/applicant/i).check();
    await page.getByRole('button', { name: 'Get a token' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/docs-tester/);

    const op = operation(routes.listMyCases);
    await op.locator('.opblock-summary-control').click();
    await op.getByRole('button', { name: /try it out/i }).click();
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === routes.listMyCases.path);
    await op.getByRole('button', { name: 'Execute' }).click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.request().headers().authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    // What the person sees: the live response's status code.
    await expect.poll(() => op.locator('.live-responses-table tr.response .response-col_status').first().textContent()).toMatch(/^\s*200\b/);
  });

  it('made no request to another host, and the policy refused nothing the page needs', () => {
    const hosts = new Set(requests.map((r) => new URL(r.url()).hostname).filter((h) => h !== ''));
    expect([...hosts].filter((h) => h !== '127.0.0.1' && h !== 'localhost')).toEqual([]);
    expect(requests.some((r) => new URL(r.url()).pathname === '/docs/assets/swagger-ui-bundle.js')).toBe(true);
    expect(cspViolations).toEqual([]);
  });

  it('has an accessible local sign-in form', async () => {
    const results = await new AxeBuilder({ page }).include('.local-sign-in').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
