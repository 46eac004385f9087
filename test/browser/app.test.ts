/**
 * The applicant's journey in the built app, in headless Chromium, once in English and once in Chinese: sign in
 * locally, the empty "My cases", a new case filled in field by field while the readiness checklist shrinks and each
 * change is saved, a change made in a second tab shown as a conflict (never overwritten), submit and the receipt with
 * its download. What the page shows and what the network carried (Accept-Language, If-Match) is asserted; axe finds no
 * serious or critical violation on "My cases" or the editor.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';

withAppAndBrowser();

interface Vocabulary {
  categories: { id: string; label: string }[];
  caseTypes: { id: string; label: string }[];
  caseStatuses: { id: string; label: string }[];
}

/** What a request to the API carried. */
interface Sent {
  method: string;
  path: string;
  acceptLanguage: string | undefined;
  ifMatch: string | undefined;
}

const JOURNEYS = [
  { locale: 'en', browserLocale: 'en-GB', words: en, title: { field: en['field.title'], value: 'Joint incident-response training' } },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN, title: { field: zhCN['field.titleZh'], value: '中肯两国应急响应联合培训' } },
] as const;

describe.each(JOURNEYS)('the applicant journey ($locale)', ({ locale, browserLocale, words, title }) => {
  let context: BrowserContext;
  let page: Page;
  let vocabulary: Vocabulary;
  const sent: Sent[] = [];
  const pageErrors: string[] = [];
  const who = { sub: `applicant-${locale}-${Date.now()}`, email: `applicant-${locale}@example.org` };

  beforeAll(async () => {
    vocabulary = (await (await fetch(`${app.apiUrl}/vocabulary?lang=${locale}`)).json()) as Vocabulary;
    // The browser's language picks the page's: nothing chosen on this device yet.
    context = await browser.newContext({ locale: browserLocale, acceptDownloads: true });
    const record = (request: Request) => {
      if (!request.url().startsWith(app.apiUrl) || request.method() === 'OPTIONS') return;
      const headers = request.headers();
      sent.push({ method: request.method(), path: new URL(request.url()).pathname, acceptLanguage: headers['accept-language'], ifMatch: headers['if-match'] });
    };
    context.on('request', record);
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await context?.close();
  });

  const heading = (p: Page, name: string) => p.getByRole('heading', { name, level: 1 });
  const saveState = (p: Page) => p.locator('.save-state');
  const checklist = (p: Page) => p.getByRole('complementary').getByRole('listitem');
  const signIn = async (p: Page) => {
    await p.getByLabel(words['signIn.name'], { exact: true }).fill(who.sub);
    await p.getByLabel(words['signIn.email'], { exact: true }).fill(who.email);
    await p.getByRole('button', { name: words['signIn.submit'] }).click();
  };
  /** Fills a field, waits for its autosave, and returns how many problems the checklist still lists. */
  const saved = async () => {
    await expect.poll(() => saveState(page).textContent()).toBe(words['editor.save.saved']);
    return checklist(page).count();
  };
  const seriousViolations = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);

  it('signs in locally and shows the empty "My cases", in the browser\'s language', async () => {
    await page.goto(`${app.appUrl}/`);
    await expect.poll(() => heading(page, words['signIn.title']).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    await signIn(page);
    await expect.poll(() => heading(page, words['cases.title']).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(words['cases.empty']).isVisible()).toBe(true);
    expect(await page.getByText(words['time.zone.beijing'], { exact: false }).first().isVisible()).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  });

  it('counts down the last 48 hours before the deadline, in hours and minutes', async () => {
    const { items } = (await (await fetch(`${app.apiUrl}/editions`)).json()) as { items: { status: string; deadline: string }[] };
    const deadline = Date.parse(items.find((e) => e.status === 'open')!.deadline);
    // A context of its own: its clock is 5 h 30 min before the deadline.
    const later = await browser.newContext({ locale: browserLocale });
    await later.clock.install({ time: deadline - (5 * 60 + 30) * 60_000 });
    const laterPage = await later.newPage();
    await laterPage.goto(`${app.appUrl}/`);
    await signIn(laterPage);
    const [before = '', after = ''] = words['time.countdown'].replace('{hours}', '5').split('{minutes}').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await expect.poll(() => laterPage.getByText(new RegExp(`${before}(29|30)${after}`)).isVisible()).toBe(true);
    await later.close();
  });

  it('creates a case and fills it in: each change is saved and the checklist shrinks to nothing', async () => {
    await page.getByRole('button', { name: words['cases.new'] }).click();
    await expect.poll(() => heading(page, words['cases.untitled']).isVisible()).toBe(true);
    const missing = await checklist(page).count();
    expect(missing).toBeGreaterThanOrEqual(8);

    // Submitting now is refused (422): every problem is listed, each a link that takes the focus to its field.
    await page.getByRole('button', { name: words['submit.button'] }).click();
    const summary = page.getByRole('alert').filter({ hasText: words['submit.failed'] });
    await expect.poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getByRole('link').count()).toBe(missing);
    await summary.getByRole('link').first().click();
    expect(await page.evaluate('document.activeElement.id')).toBe(locale === 'en' ? 'case-title' : 'case-titleZh');
    await checklist(page).last().getByRole('link').click();
    expect(await page.evaluate('document.activeElement.id')).toBe('case-contact.name');

    await page.getByLabel(title.field, { exact: true }).fill(title.value);
    expect(await saved()).toBe(missing - 1);
    await expect.poll(() => heading(page, title.value).isVisible()).toBe(true);

    await page.getByLabel(vocabulary.categories.find((c) => c.id === 'cybersecurity')!.label).check();
    await page.getByLabel(words['field.caseType'], { exact: true }).selectOption({ label: vocabulary.caseTypes.find((c) => c.id === 'training')!.label });
    expect(await saved()).toBe(missing - 3);

    await page.getByLabel(locale === 'en' ? words['field.summary'] : words['field.summaryZh'], { exact: true }).fill(locale === 'en' ? 'Two CERTs trained together.' : '两国计算机应急响应小组联合培训。');
    await page.getByLabel(words['field.description'], { exact: true }).fill('A year of joint exercises.');
    await page.getByLabel(words['field.implementedOn'], { exact: true }).fill('2021-09-01');
    expect(await saved()).toBe(missing - 6);

    const addCountry = async (code: string) => {
      await page.getByLabel(words['field.countries.choose'], { exact: true }).selectOption(code);
      await page.getByRole('button', { name: words['field.countries.add'], exact: true }).click();
    };
    await addCountry('KE');
    await addCountry('HK');
    await page.getByLabel(words['field.organisation.name'], { exact: true }).fill('Example CERT');
    await page.getByLabel(words['field.organisation.country'], { exact: true }).selectOption('KE');
    await page.getByLabel(words['field.contact.name'], { exact: true }).fill('A. Example');
    await page.getByLabel(words['field.contact.email'], { exact: true }).fill('a@example.org');
    await page.getByRole('button', { name: words['field.partners.add'] }).click();
    await page.getByLabel(words['field.partners.name'].replace('{n}', '1'), { exact: true }).fill('Partner CERT');
    await page.getByLabel(words['field.partners.country'].replace('{n}', '1'), { exact: true }).selectOption('CN');
    expect(await saved()).toBe(0);
    expect(await page.getByText(words['readiness.ready']).isVisible()).toBe(true);
    // HK is named as a region, in the page's language.
    expect(await page.getByText(words['country.region'].replace('{name}', ''), { exact: false }).count()).toBeGreaterThan(0);
    expect(await seriousViolations()).toEqual([]);
  });

  it('shows a change made in another tab as a conflict, and saves over it only when asked', async () => {
    const other = await context.newPage();
    await other.goto(page.url());
    // The session is per tab: the second one signs in as the same person.
    await signIn(other);
    await other.getByLabel(words['field.description'], { exact: true }).fill('Changed in the other tab.');
    await expect.poll(() => saveState(other).textContent()).toBe(words['editor.save.saved']);
    await other.close();

    await page.getByLabel(words['field.description'], { exact: true }).fill('Changed in the first tab.');
    await expect.poll(() => page.getByRole('heading', { name: words['editor.conflict.title'] }).isVisible()).toBe(true);
    expect(await page.getByText(words['editor.conflict.theirs'].replace('{value}', 'Changed in the other tab.')).isVisible()).toBe(true);
    expect(await page.getByLabel(words['field.description'], { exact: true }).inputValue()).toBe('Changed in the first tab.');

    await page.getByRole('button', { name: words['editor.conflict.keep'] }).click();
    expect(await saved()).toBe(0);
    const patches = sent.filter((s) => s.method === 'PATCH');
    expect(patches.length).toBeGreaterThan(4);
    expect(patches.every((s) => /^"\d+"$/.test(s.ifMatch ?? ''))).toBe(true);
  });

  it('keeps what was typed through a lost network and an expired session, and saves it afterwards', async () => {
    await context.setOffline(true);
    await page.getByLabel(words['field.contact.phone'], { exact: true }).fill('+254 20 000000');
    await expect.poll(() => page.getByText(words['error.offline']).isVisible()).toBe(true);
    await expect.poll(() => saveState(page).textContent()).toBe(words['editor.save.offline']);
    await context.setOffline(false);
    expect(await saved()).toBe(0);

    // The session ends: the next save answers 401, as the API does for an expired token.
    await page.route(
      (url) => url.href.startsWith(`${app.apiUrl}/cases/`),
      (route) =>
        route.request().method() === 'PATCH'
          ? route.fulfill({
              status: 401,
              contentType: 'application/problem+json',
              headers: { 'access-control-allow-origin': app.appUrl },
              body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthorized' }),
            })
          : route.fallback(),
      { times: 1 },
    );
    await page.getByLabel(words['field.organisation.name'], { exact: true }).fill('Example CERT of Kenya');
    await expect.poll(() => page.getByText(words['signIn.expired']).isVisible()).toBe(true);
    await signIn(page);
    expect(await saved()).toBe(0);
    expect(await page.getByLabel(words['field.organisation.name'], { exact: true }).inputValue()).toBe('Example CERT of Kenya');
  });

  it('tells of throttling (429) in the page\'s language and saves when the API says to try again, nothing typed lost', async () => {
    await page.route(
      (url) => url.href.startsWith(`${app.apiUrl}/cases/`),
      (route) =>
        route.request().method() === 'PATCH'
          ? route.fulfill({
              status: 429,
              contentType: 'application/problem+json',
              headers: { 'access-control-allow-origin': app.appUrl, 'access-control-expose-headers': 'Retry-After', 'retry-after': '1' },
              body: JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate-limited' }),
            })
          : route.fallback(),
      { times: 1 },
    );
    await page.getByLabel(words['field.contact.phone'], { exact: true }).fill('+254 20 000001');
    const throttled = words['editor.save.failed'].replace('{reason}', words['error.rateLimited'].replace('{seconds}', '1'));
    await expect.poll(() => saveState(page).textContent()).toBe(throttled);
    // Tried again by itself a second later.
    expect(await saved()).toBe(0);
    expect(await page.getByLabel(words['field.contact.phone'], { exact: true }).inputValue()).toBe('+254 20 000001');
    expect(sent.filter((s) => s.method === 'PATCH').length).toBeGreaterThan(0);
  });

  it('submits, shows the receipt and downloads it as JSON', async () => {
    await page.getByRole('button', { name: words['submit.button'] }).click();
    await expect.poll(() => page.getByRole('heading', { name: words['receipt.title'] }).isVisible()).toBe(true);
    const hash = (await page.locator('.receipt code').textContent()) ?? '';
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    // The page rebuilt what was hashed and checked it: the file it offers hashes to the receipt, with any tool.
    await expect.poll(() => page.getByText(words['receipt.verified']).isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: words['receipt.downloadDocument'] }).click()]);
    const bytes = await readFile(await download.path());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(hash);
    const caseId = new URL(page.url()).pathname.split('/').pop();
    expect(download.suggestedFilename()).toBe(`receipt-document-${caseId}.json`);
    expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ caseId, editionId: expect.any(String), submittedAt: expect.any(String), fields: { description: 'Changed in the first tab.' }, attachments: [] });
    expect(await page.getByText(`sha256sum receipt-document-${caseId}.json`, { exact: false }).isVisible()).toBe(true);

    await page.getByRole('link', { name: words['editor.back'] }).click();
    await expect.poll(() => page.getByRole('link', { name: title.value }).isVisible()).toBe(true);
    expect(await page.getByText(vocabulary.caseStatuses.find((s) => s.id === 'submitted')!.label, { exact: true }).isVisible()).toBe(true);
  });

  it('withdraws the case once confirmed, and shows it read-only', async () => {
    await page.getByRole('link', { name: title.value }).click();
    await page.getByRole('button', { name: words['withdraw.button'] }).click();
    const dialog = page.getByRole('dialog', { name: words['withdraw.title'] });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: words['withdraw.cancel'] }).click();
    expect(await dialog.isVisible()).toBe(false);

    await page.getByRole('button', { name: words['withdraw.button'] }).click();
    await dialog.getByRole('button', { name: words['withdraw.confirm'] }).click();
    await expect.poll(() => page.getByText(words['withdraw.done']).isVisible()).toBe(true);
    expect(await page.getByLabel(words['field.description'], { exact: true }).isDisabled()).toBe(true);
    expect(sent.filter((s) => s.method === 'POST' && s.path.endsWith('/withdraw')).map((s) => /^"\d+"$/.test(s.ifMatch ?? ''))).toEqual([true]);
  });

  it('sent the page\'s language on every call to the API, and logged no error', () => {
    expect(sent.length).toBeGreaterThan(10);
    expect(sent.filter((s) => s.acceptLanguage !== locale)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("switches language from the header, and makes it the account's", async () => {
    const other = locale === 'en' ? 'zh-CN' : 'en';
    const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url() === `${app.apiUrl}/me/preferences`);
    await page.getByRole('button', { name: words['lang.other'] }).click();
    expect((await put).postDataJSON()).toEqual({ locale: other });
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(other);
  });
});
