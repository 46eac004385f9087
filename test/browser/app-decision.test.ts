/**
 * After the deadline, in the built app, in headless Chromium, in English and in Chinese. An edition is run through the
 * API as the organisers would (opened, cases submitted, an extension granted, closed, decided, the selected notified,
 * released), and each applicant's page is checked: the one with an extension still edits and is told until when; one
 * without reads their case and is told why they cannot change it; the outstanding one sees the decision once notified
 * and adds presentation materials; the not-selected one sees nothing until the results are released, then the decision.
 * What the API answered the page is asserted too: no decision before the owner may know it.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedTime } from '../../functions/domain/i18n/dates.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { caseFields } from '../support/cases.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';
import { setUpApi, type TestPerson } from './support/api.ts';

withAppAndBrowser();

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20_000, 0x42)]);
const HOUR = 3_600_000;
const TITLES = { outstanding: 'The outstanding case', notSelected: 'The not-selected case', extended: 'The extended draft', late: 'The late draft' } as const;

const LOCALES = [
  { locale: 'en', browserLocale: 'en-GB', words: en },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN },
] as const;


const { ok, person } = setUpApi(() => app.apiUrl);
type Who = TestPerson;

describe.each(LOCALES)('after the deadline ($locale)', ({ locale, browserLocale, words }) => {
  const run = `${locale.toLowerCase()}-${Date.now().toString(36)}`;
  const editionId = `2031-${run}`;
  const fill = (text: string, params: Record<string, string>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);
  let labels: { decisions: { id: string; label: string }[] };
  let extended: string;
  const people = {} as Record<'organiser' | 'outstanding' | 'notSelected' | 'extended' | 'late', Who>;
  const caseOf = {} as Record<'outstanding' | 'notSelected' | 'extended' | 'late', string>;
  let context: BrowserContext;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    labels = (await ok('GET', `/vocabulary?lang=${locale}`)) as typeof labels;
    people.organiser = await person(`org-${run}`, ['organisers']);
    for (const role of ['outstanding', 'notSelected', 'extended', 'late'] as const) people[role] = await person(`${role.toLowerCase()}-${run}`);
    const now = Date.now();
    await ok('PUT', `/editions/${editionId}`, people.organiser.token, {
      name: `Call ${run}`,
      opensAt: new Date(now - HOUR).toISOString(),
      deadline: new Date(now + HOUR).toISOString(),
      timeZone: 'Asia/Shanghai',
      materialsDeadline: new Date(now + 48 * HOUR).toISOString(),
    });
    for (const role of ['outstanding', 'notSelected'] as const) {
      const created = await ok('POST', `/editions/${editionId}/cases`, people[role].token, caseFields(TITLES[role], people[role].email));
      caseOf[role] = String(created.caseId);
      await ok('POST', `/cases/${caseOf[role]}/submit`, people[role].token);
    }
    for (const role of ['extended', 'late'] as const) {
      caseOf[role] = String((await ok('POST', `/editions/${editionId}/cases`, people[role].token, { title: TITLES[role] })).caseId);
    }
    extended = String((await ok('PUT', `/editions/${editionId}/extensions/${people.extended.sub}`, people.organiser.token, { deadline: new Date(now + 2 * HOUR).toISOString(), reason: 'Flood at the office' })).deadline);
    await ok('POST', `/editions/${editionId}/close`, people.organiser.token);
    await ok('PUT', `/cases/${caseOf.outstanding}/decision`, people.organiser.token, { decision: 'outstanding' });
    await ok('PUT', `/cases/${caseOf.notSelected}/decision`, people.organiser.token, { decision: 'not-selected' });
    await ok('POST', `/editions/${editionId}/notifications`, people.organiser.token);
    // The run goes through the table's stream, the run worker and the local Step Functions: wait for it to finish.
    const runStatus = async () => ((await ok('GET', `/editions/${editionId}/notifications`, people.organiser.token)).runs as { status: string }[])[0]?.status;
    for (const until = Date.now() + 30_000; (await runStatus()) !== 'succeeded'; ) {
      if (Date.now() > until) throw new Error(`the notification run of ${editionId} did not succeed in 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    context = await browser.newContext({ locale: browserLocale });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  /** A tab signed in as `who` (the session is per tab), recording what the API answered it. */
  async function signedIn(who: Who): Promise<{ page: Page; answers: { path: string; body: unknown }[] }> {
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const answers: { path: string; body: unknown }[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!response.url().startsWith(app.apiUrl) || response.request().method() !== 'GET' || !/^\/(me\/cases|cases\/[^/]+)$/.test(url.pathname)) return;
      void response.json().then((body: unknown) => answers.push({ path: url.pathname, body }), () => undefined);
    });
    await page.goto(`${app.appUrl}/`);
    await page.getByLabel(words['signIn.name'], { exact: true }).fill(who.sub);
    await page.getByLabel(words['signIn.email'], { exact: true }).fill(who.email);
    await page.getByRole('button', { name: words['signIn.submit'] }).click();
    await expect.poll(() => page.getByRole('heading', { name: words['cases.title'], level: 1 }).isVisible()).toBe(true);
    return { page, answers };
  }

  const openCase = async (page: Page, title: string) => {
    await page.getByRole('link', { name: title }).click();
    await expect.poll(() => page.getByRole('heading', { name: title, level: 1 }).isVisible()).toBe(true);
  };
  const decisionLabel = (id: string) => labels.decisions.find((d) => d.id === id)!.label;
  const seriousViolations = async (page: Page) =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);

  it('lets the applicant with an extension go on editing, and says until when, in My cases and in the editor', async () => {
    const { page } = await signedIn(people.extended);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'The extended draft' }) });
    await expect.poll(() => item.getByText(words['cases.extension'], { exact: true }).isVisible()).toBe(true);
    await openCase(page, 'The extended draft');
    // In Beijing time, worded as the page words every deadline (and the e-mails: the same function).
    const notice = page.getByText(fill(words['editor.extension'], { time: zonedTime(locale, extended, 'Asia/Shanghai') }), { exact: true });
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await page.getByLabel(words['field.description'], { exact: true }).isDisabled()).toBe(false);
    await page.getByLabel(words['field.description'], { exact: true }).fill('Written after the deadline, under an extension.');
    await expect.poll(() => page.locator('.save-state').textContent()).toBe(words['editor.save.saved']);
    const stored = await ok('GET', `/cases/${caseOf.extended}`, people.extended.token);
    expect(stored).toMatchObject({ description: 'Written after the deadline, under an extension.', editableUntil: extended, extension: { deadline: extended } });
    await page.close();
  });

  it('shows the applicant without one their case read-only, and says why', async () => {
    const { page } = await signedIn(people.late);
    await openCase(page, 'The late draft');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: words['editor.readOnly'] }).isVisible()).toBe(true);
    expect(await page.getByLabel(words['field.description'], { exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: words['submit.button'] }).count()).toBe(0);
    expect(await page.getByLabel(words['files.choose'], { exact: true }).count()).toBe(0);
    await page.close();
  });

  it('shows the outstanding case its decision once notified, and takes its presentation materials', async () => {
    const { page, answers } = await signedIn(people.outstanding);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'The outstanding case' }) });
    await expect.poll(() => item.getByText(decisionLabel('outstanding'), { exact: true }).isVisible()).toBe(true);
    await openCase(page, 'The outstanding case');
    const panel = page.getByRole('region', { name: `${words['decision.title']}: ${decisionLabel('outstanding')}` });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByText(words['decision.outstanding']).isVisible()).toBe(true);
    expect(await panel.getByText(words['decision.materials'].split('{deadline}')[0]!, { exact: false }).isVisible()).toBe(true);
    // Its fields are frozen; only presentation materials may be added.
    expect(await page.getByLabel(words['field.description'], { exact: true }).isDisabled()).toBe(true);
    const files = page.getByRole('region', { name: words['files.title'] });
    await page.getByLabel(words['files.choose'], { exact: true }).setInputFiles({ name: 'summit-slides.pdf', mimeType: 'application/pdf', buffer: PDF });
    const slides = files.getByRole('listitem').filter({ has: page.getByText('summit-slides.pdf', { exact: true }) });
    await expect.poll(() => slides.getByText(words['files.status.ready'], { exact: true }).isVisible()).toBe(true);
    expect(await slides.getByText(words['files.purpose.presentation'], { exact: true }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(answers.find((a) => a.path === `/cases/${caseOf.outstanding}`)?.body).toMatchObject({ decision: 'outstanding', editableUntil: null });
    await page.close();
  });

  it('tells the not-selected case nothing until the results are released, then its decision', async () => {
    const before = await signedIn(people.notSelected);
    await openCase(before.page, 'The not-selected case');
    await expect.poll(() => before.page.getByRole('alert').filter({ hasText: words['editor.readOnly'] }).isVisible()).toBe(true);
    expect(await before.page.getByRole('heading', { name: words['decision.title'], exact: false }).count()).toBe(0);
    // Not in what the page received either: the API keeps the decision until the owner may know it.
    const seen = before.answers.filter((a) => a.path === '/me/cases' || a.path === `/cases/${caseOf.notSelected}`);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    const decisions = seen.flatMap((a) => ((a.body as { items?: { decision: unknown }[] }).items ?? [a.body as { decision: unknown }]).map((c) => c.decision));
    expect(decisions.length).toBeGreaterThanOrEqual(2);
    expect(decisions.every((d) => d === null)).toBe(true);
    await before.page.close();

    await ok('POST', `/editions/${editionId}/release`, people.organiser.token);
    const after = await signedIn(people.notSelected);
    await openCase(after.page, 'The not-selected case');
    const panel = after.page.getByRole('region', { name: `${words['decision.title']}: ${decisionLabel('not-selected')}` });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByText(words['decision.not-selected']).isVisible()).toBe(true);
    expect(await after.page.getByLabel(words['files.choose'], { exact: true }).count()).toBe(0);
    await after.page.close();
  });

  it('says so in the page\'s language when the edition closes while the applicant types, keeping what they typed', async () => {
    const closing = `${editionId}-b`;
    const now = Date.now();
    await ok('PUT', `/editions/${closing}`, people.organiser.token, { name: `Second call ${run}`, opensAt: new Date(now - HOUR).toISOString(), deadline: new Date(now + HOUR).toISOString(), timeZone: 'Asia/Shanghai' });
    const caseId = String((await ok('POST', `/editions/${closing}/cases`, people.late.token, { title: 'Typed as it closed' })).caseId);
    const { page } = await signedIn(people.late);
    await openCase(page, 'Typed as it closed');
    await ok('POST', `/editions/${closing}/close`, people.organiser.token);

    await page.getByLabel(words['field.description'], { exact: true }).fill('The last words before the close.');
    // The API's own 409, in the page's language: what a PATCH by the same person now answers.
    const refused = await fetch(`${app.apiUrl}/cases/${caseId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${people.late.token}`, 'content-type': 'application/json', 'accept-language': locale },
      body: JSON.stringify({ description: 'x' }),
    });
    const problem = (await refused.json()) as { status: number; code: string; detail: string };
    expect([problem.status, problem.code]).toEqual([409, 'deadline-passed']);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: problem.detail }).isVisible()).toBe(true);
    expect(await page.getByLabel(words['field.description'], { exact: true }).inputValue()).toBe('The last words before the close.');
    expect(await page.getByLabel(words['field.description'], { exact: true }).isDisabled()).toBe(true);
    await page.close();
  });

  it('logged no error on the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
