/**
 * Notifications, the release and the public results, in the built app, in headless Chromium, in English and in
 * Chinese. An edition is set up through the API (three cases submitted, closed, decided outstanding, collection and
 * not selected; the outstanding owner's account reads Chinese, the collection owner's English). The organiser previews
 * each notice (each in its owner's language), sends them and watches the run finish without reloading, follows the
 * deliveries and sends again to those not yet notified; then publishes the results after a confirmation that names
 * what becomes public. Signed out, the public page lists the two selected cases in the page's language and not the
 * other, and the answer it got carries no e-mail address. What the network carried is asserted with what the page shows.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { caseFields } from '../support/cases.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';
import { setUpApi, type TestPerson } from './support/api.ts';

withAppAndBrowser();

const HOUR = 3_600_000;
const LOCALES = [
  { locale: 'en', browserLocale: 'en-GB', words: en },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN },
] as const;

/** The three cases: the outstanding one also has a Chinese title and summary; the collection one is in English only. */
const CASES = {
  outstanding: { title: 'Broadband for highland villages', titleZh: '高原村庄宽带建设', summaryZh: '地方运营商与大学合作，为 140 个村庄接入固定无线宽带。', ownerLocale: 'zh-CN', decision: 'outstanding' },
  collection: { title: 'A shared school of cyber defence', ownerLocale: 'en', decision: 'collection' },
  notSelected: { title: 'A case the committee passed over', ownerLocale: 'en', decision: 'not-selected' },
} as const;
type Role = keyof typeof CASES;


const { call, ok, person } = setUpApi(() => app.apiUrl);
type Who = TestPerson;

interface Mail {
  to: string[];
  subject: string;
  messageId: string;
  tags: Record<string, string>;
}

const outbox = async () => (await ok('GET', '/local/outbox')).items as Mail[];

describe.each(LOCALES)('notifications, release and results ($locale)', ({ locale, browserLocale, words }) => {
  const run = `${locale.toLowerCase()}-${Date.now().toString(36)}`;
  const editionId = `2032-${run}`;
  const editionName = `Call ${run}`;
  const fill = (key: keyof typeof words, params: Record<string, string | number> = {}) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), words[key]);
  const people = {} as Record<Role | 'organiser', Who>;
  const caseOf = {} as Record<Role, string>;
  let labels: { decisions: { id: string; label: string }[]; categories: { id: string; label: string }[] };
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** What the API answered the organiser's tab. */
  const answers: Response[] = [];

  beforeAll(async () => {
    labels = (await ok('GET', `/vocabulary?lang=${locale}`)) as typeof labels;
    people.organiser = await person(`org-${run}`, ['organisers']);
    const now = Date.now();
    await ok('PUT', `/editions/${editionId}`, people.organiser.token, {
      name: editionName,
      opensAt: new Date(now - HOUR).toISOString(),
      deadline: new Date(now + HOUR).toISOString(),
      timeZone: 'Asia/Shanghai',
    });
    for (const role of Object.keys(CASES) as Role[]) {
      const { ownerLocale, decision: _, ...texts } = CASES[role];
      people[role] = await person(`${role.toLowerCase()}-${run}`);
      await ok('PUT', '/me/preferences', people[role].token, { locale: ownerLocale });
      const created = await ok('POST', `/editions/${editionId}/cases`, people[role].token, { ...caseFields(texts.title, people[role].email), ...texts });
      caseOf[role] = String(created.caseId);
      await ok('POST', `/cases/${caseOf[role]}/submit`, people[role].token);
    }
    await ok('POST', `/editions/${editionId}/close`, people.organiser.token);
    for (const role of Object.keys(CASES) as Role[]) await ok('PUT', `/cases/${caseOf[role]}/decision`, people.organiser.token, { decision: CASES[role].decision });

    context = await browser.newContext({ locale: browserLocale });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    page.on('response', (response) => {
      if (response.url().startsWith(app.apiUrl) && response.request().method() !== 'OPTIONS') answers.push(response);
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  const heading = (p: Page, name: string) => p.getByRole('heading', { name, level: 1, exact: true });
  const decisionLabel = (id: string) => labels.decisions.find((d) => d.id === id)!.label;
  const answered = (method: string, path: string | RegExp) =>
    answers.filter((r) => {
      const url = new URL(r.url());
      return r.request().method() === method && (typeof path === 'string' ? url.pathname === path : path.test(url.pathname + url.search));
    });
  const seriousViolations = async (p: Page) =>
    (await new AxeBuilder({ page: p }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  const latestRun = (p: Page) => p.locator('.release-latest');
  const count = (p: Page, key: 'release.run.total' | 'release.run.sent' | 'release.run.failed' | 'release.run.skipped') =>
    latestRun(p).locator('div').filter({ has: p.getByText(words[key], { exact: true }) }).locator('dd').textContent();

  it('signs the organiser in on the notifications page and previews each notice in its owner\'s language', async () => {
    await page.goto(`${app.appUrl}/console/editions/${editionId}/notifications`);
    await page.getByLabel(words['signIn.name'], { exact: true }).fill(people.organiser.sub);
    await page.getByLabel(words['signIn.email'], { exact: true }).fill(people.organiser.email);
    await page.getByLabel(words['signIn.role.organiser'], { exact: true }).check();
    await page.getByRole('button', { name: words['signIn.submit'] }).click();
    await expect.poll(() => heading(page, fill('release.notify.title', { edition: editionName })).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(words['release.run.none'], { exact: true }).isVisible()).toBe(true);

    // The notices, as the API would send them: the outstanding owner reads Chinese, the collection owner English.
    const expected = {} as Record<'outstanding' | 'collection', { subject: string; language: string }>;
    for (const role of ['outstanding', 'collection'] as const) {
      const res = await call('GET', `/editions/${editionId}/notifications/preview?caseId=${caseOf[role]}`, people.organiser.token, undefined, { 'accept-language': locale });
      expected[role] = { subject: String(res.json.subject), language: String(res.headers.get('content-language')) };
    }
    expect([expected.outstanding.language, expected.collection.language]).toEqual(['zh-CN', 'en']);

    const select = page.getByLabel(words['release.preview.case'], { exact: true });
    const title = (role: 'outstanding' | 'collection') => (locale === 'zh-CN' && role === 'outstanding' ? CASES.outstanding.titleZh : CASES[role].title);
    for (const role of ['outstanding', 'collection'] as const) {
      await select.selectOption({ label: fill('release.preview.option', { title: title(role), decision: decisionLabel(role) }) });
      const notice = page.getByRole('article', { name: expected[role].subject });
      await expect.poll(() => notice.isVisible()).toBe(true);
      const language = words[`release.language.${expected[role].language as 'en' | 'zh-CN'}`];
      expect(await notice.getByText(fill('release.preview.language', { language }), { exact: true }).isVisible()).toBe(true);
      expect(await notice.getByText(people[role].email, { exact: true }).isVisible()).toBe(true);
      expect(await notice.getAttribute('lang')).toBe(expected[role].language);
      // Beside it, the same notice in the other language, to read its wording: asked for with lang, marked as not sent.
      const other = expected[role].language === 'en' ? 'zh-CN' : 'en';
      const translated = page.locator(`article.release-mail[lang="${other}"]`);
      expect(await translated.getByText(fill('release.preview.otherLanguage', { language: words[`release.language.${other}`] }), { exact: true }).isVisible()).toBe(true);
      expect(await translated.getByText(people[role].email, { exact: true }).isVisible()).toBe(true);
    }
    expect(answered('GET', /\/notifications\/preview\?caseId=[^&]+&lang=(en|zh-CN)$/).length).toBeGreaterThanOrEqual(2);
    // The page asked for each, in its own language, and got each in the owner's.
    const previews = answered('GET', /\/notifications\/preview\?caseId=/);
    expect(previews.map((r) => new URL(r.url()).searchParams.get('caseId'))).toEqual(expect.arrayContaining([caseOf.outstanding, caseOf.collection]));
    expect(previews.every((r) => r.request().headers()['accept-language'] === locale)).toBe(true);
    expect(new Set(await Promise.all(previews.map((r) => r.headerValue('content-language'))))).toEqual(new Set(['zh-CN', 'en']));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sends the notices after a confirmation and follows the run to its end without a reload', async () => {
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    await page.getByRole('button', { name: words['release.run.start'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: words['release.run.startTitle'] });
    await expect.poll(() => dialog.getByText(fill('release.run.startText', { count: 2 }), { exact: true }).isVisible()).toBe(true);
    const started = page.waitForResponse((r) => r.url() === `${app.apiUrl}/editions/${editionId}/notifications` && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: words['release.run.confirm'] }).click();
    expect((await started).status()).toBe(202);
    await expect.poll(() => page.getByText(words['release.run.started'], { exact: true }).isVisible()).toBe(true);

    const succeeded = fill('release.run.latest', { status: words['release.run.status.succeeded'] });
    await expect.poll(() => latestRun(page).getByText(succeeded, { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    expect([await count(page, 'release.run.total'), await count(page, 'release.run.sent'), await count(page, 'release.run.failed'), await count(page, 'release.run.skipped')]).toEqual(['2', '2', '0', '0']);
    // Read again by itself, in the same page, with no reload: it saw the run going, and asked until it had finished.
    expect(loads).toEqual([]);
    const seen = await Promise.all(answered('GET', `/editions/${editionId}/notifications`).map(async (r) => ((await r.json()) as { runs: { status: string }[] }).runs[0]?.status));
    expect(seen.indexOf('running')).toBeGreaterThanOrEqual(0);
    expect(seen.lastIndexOf('succeeded')).toBeGreaterThan(seen.indexOf('running'));

    const recipients = page.getByRole('region', { name: words['release.recipients.title'] }).getByRole('row');
    for (const role of ['outstanding', 'collection'] as const) {
      const row = recipients.filter({ hasText: people[role].email });
      expect(await row.getByText(words['release.recipients.status.sent'], { exact: true }).isVisible()).toBe(true);
      expect(await row.getByText(decisionLabel(role), { exact: true }).isVisible()).toBe(true);
    }
    expect(await recipients.filter({ hasText: people.notSelected.email }).count()).toBe(0);

    // The local outbox holds the two notices, with the subjects previewed, and none to the owner not selected.
    const mails = (await outbox()).filter((m) => m.tags?.editionId === editionId);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([people.outstanding.email, people.collection.email].sort());
    for (const role of ['outstanding', 'collection'] as const) {
      const preview = await ok('GET', `/editions/${editionId}/notifications/preview?caseId=${caseOf[role]}`, people.organiser.token);
      expect(mails.find((m) => m.to[0] === people[role].email)?.subject).toBe(preview.subject);
    }
  });

  it('shows deliveries and bounces as SES reports them, and sends again only to those not yet sent', async () => {
    const mails = (await outbox()).filter((m) => m.tags?.editionId === editionId);
    const event = (role: 'outstanding' | 'collection', eventType: string, extra: Record<string, unknown> = {}) => {
      const mail = mails.find((m) => m.to[0] === people[role].email)!;
      return ok('POST', '/local/mail-events', undefined, { detail: { eventType, mail: { messageId: mail.messageId, tags: { editionId: [editionId], caseId: [caseOf[role]] } }, ...extra } });
    };
    await event('outstanding', 'Delivery');
    await event('collection', 'Bounce', { bounce: { bounceType: 'Permanent', bounceSubType: 'General' } });
    await page.getByRole('button', { name: words['release.run.refresh'] }).click();
    const recipients = page.getByRole('region', { name: words['release.recipients.title'] }).getByRole('row');
    await expect.poll(() => recipients.filter({ hasText: people.outstanding.email }).getByText(words['release.recipients.status.delivered'], { exact: true }).isVisible()).toBe(true);
    const bounced = recipients.filter({ hasText: people.collection.email });
    await expect.poll(() => bounced.getByText(words['release.recipients.status.bounced'], { exact: true }).isVisible()).toBe(true);

    const again = async (expected: number) => {
      await page.getByRole('button', { name: words['release.run.again'], exact: true }).click();
      const dialog = page.getByRole('dialog', { name: words['release.run.againTitle'] });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      const started = page.waitForResponse((r) => r.url() === `${app.apiUrl}/editions/${editionId}/notifications` && r.request().method() === 'POST');
      // A run started elsewhere first (another organiser's) is still going when this one is asked for.
      if (expected === 409) expect((await call('POST', `/editions/${editionId}/notifications`, people.organiser.token)).status).toBe(202);
      await dialog.getByRole('button', { name: words['release.run.confirm'], exact: true }).click();
      const answer = await started;
      expect(answer.status()).toBe(expected);
      return answer;
    };
    const rows = () => page.getByRole('table', { name: words['release.run.history'] }).getByRole('row').count();
    const succeeded = fill('release.run.latest', { status: words['release.run.status.succeeded'] });

    // Refused while a run is going: the page says so, in its language (the API's words), and follows that run.
    const refused = (await (await again(409)).json()) as { code: string; detail: string };
    expect(refused.code).toBe('conflict');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: refused.detail }).isVisible()).toBe(true);
    await expect.poll(rows, { timeout: 40_000 }).toBe(3);
    await expect.poll(() => latestRun(page).getByText(succeeded, { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);

    // No failed send can be provoked locally (the outbox always accepts): the re-run's request and its 202 are asserted.
    await again(202);
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(rows, { timeout: 40_000 }).toBe(4);
    await expect.poll(() => latestRun(page).getByText(succeeded, { exact: true }).isVisible(), { timeout: 40_000 }).toBe(true);
    // Both owners had been sent theirs: the new run skips them, and the outbox holds no second notice.
    expect([await count(page, 'release.run.sent'), await count(page, 'release.run.skipped')]).toEqual(['0', '2']);
    expect((await outbox()).filter((m) => m.tags?.editionId === editionId)).toHaveLength(2);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('names what becomes public before the release, then publishes and opens the public page', async () => {
    await page.getByRole('link', { name: words['release.toRelease'] }).click();
    await expect.poll(() => heading(page, fill('release.release.title', { edition: editionName })).isVisible()).toBe(true);
    const what = page.getByRole('region', { name: words['release.release.what'] });
    expect(await what.getByText(fill('release.release.outstanding', { count: 1 }), { exact: true }).isVisible()).toBe(true);
    expect(await what.getByText(fill('release.release.collection', { count: 1 }), { exact: true }).isVisible()).toBe(true);
    for (const field of ['title', 'category', 'caseType', 'summary', 'countries', 'organisation', 'partners'] as const) {
      expect(await what.getByRole('listitem').filter({ hasText: words[`release.field.${field}`] }).count()).toBe(1);
    }
    expect(await what.getByText(words['release.release.private'], { exact: true }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: words['release.release.button'] }).click();
    const dialog = page.getByRole('dialog', { name: words['release.release.confirmTitle'] });
    expect(await dialog.getByText(fill('release.release.confirmText', { outstanding: 1, collection: 1 }), { exact: true }).isVisible()).toBe(true);
    const released = page.waitForResponse((r) => r.url() === `${app.apiUrl}/editions/${editionId}/release` && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: words['release.release.confirm'] }).click();
    expect((await released).status()).toBe(200);
    await expect.poll(() => heading(page, fill('release.results.edition', { edition: editionName })).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(`/results/${editionId}`);
    expect(((await ok('GET', `/editions/${editionId}`)) as { status: string }).status).toBe('released');
  });

  it('shows the results signed out, in the page\'s language: the two selected cases and not the other, and no e-mail address', async () => {
    const outside = await browser.newContext({ locale: browserLocale });
    const visitor = await outside.newPage();
    visitor.on('pageerror', (err) => pageErrors.push(err.message));
    const seen: { url: string; authorization: string | undefined; body: string }[] = [];
    visitor.on('response', (r) => {
      if (!r.url().startsWith(app.apiUrl) || r.request().method() === 'OPTIONS') return;
      void r.text().then((body) => seen.push({ url: r.url(), authorization: r.request().headers().authorization, body }), () => undefined);
    });
    await visitor.goto(`${app.appUrl}/results`);
    await expect.poll(() => heading(visitor, words['release.results.title']).isVisible()).toBe(true);
    expect(await visitor.getByRole('heading', { name: words['signIn.title'], exact: true }).count()).toBe(0);
    await visitor.getByRole('link', { name: editionName, exact: true }).click();
    await expect.poll(() => heading(visitor, fill('release.results.edition', { edition: editionName })).isVisible()).toBe(true);

    const outstanding = visitor.getByRole('region', { name: words['release.results.outstanding'] });
    const collection = visitor.getByRole('region', { name: words['release.results.collection'] });
    const ownTitle = locale === 'zh-CN' ? CASES.outstanding.titleZh : CASES.outstanding.title;
    await expect.poll(() => outstanding.getByRole('heading', { name: ownTitle, exact: true }).isVisible()).toBe(true);
    if (locale === 'zh-CN') expect(await outstanding.getByText(CASES.outstanding.summaryZh, { exact: true }).isVisible()).toBe(true);
    // The collection case has only an English title: shown, and marked as English, on either page.
    const english = collection.getByRole('heading', { name: CASES.collection.title, exact: true });
    expect(await english.isVisible()).toBe(true);
    expect(await english.getAttribute('lang')).toBe('en');
    expect(await collection.getByText(labels.categories.find((c) => c.id === 'internet-infrastructure')!.label, { exact: true }).isVisible()).toBe(true);
    expect(await visitor.getByText(CASES.notSelected.title).count()).toBe(0);

    const resultsOf = () => seen.filter((s) => new URL(s.url).pathname === `/editions/${editionId}/results`);
    await expect.poll(() => resultsOf().length).toBe(1);
    const results = resultsOf();
    expect(results[0]!.body).toContain(CASES.collection.title);
    expect(results[0]!.body).not.toContain(CASES.notSelected.title);
    expect(results[0]!.body).not.toMatch(/[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i);
    expect(seen.every((s) => s.authorization === undefined)).toBe(true);
    expect(await seriousViolations(visitor)).toEqual([]);

    // An edition not released: a friendly word, not an error.
    const { items } = (await ok('GET', '/editions')) as { items: { editionId: string; status: string }[] };
    const unreleased = items.find((e) => e.status !== 'released')!;
    await visitor.goto(`${app.appUrl}/results/${unreleased.editionId}`);
    await expect.poll(() => visitor.getByText(words['release.results.notYet'], { exact: true }).isVisible()).toBe(true);
    expect(await visitor.getByRole('alert').count()).toBe(0);
    await outside.close();
  });

  it('logged no error on the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
