/**
 * The reviewers' desk in the built app, in headless Chromium, in English and in Chinese. An edition is run through the
 * API as the organisers would (opened, two complete cases submitted, one with an image, closed, both assigned to one
 * reviewer in bulk); the reviewer signs in on the local sign-in page: sees both cases to review; reads one (the page,
 * and what the API answered it, carry no contact details) with its image previewed; scores it, the total shown as they
 * type; saves it (If-Match on the version read) and sees it reviewed; a change saved in a second tab is shown as a
 * conflict without losing what was typed; the organisers' decision locks the form; a conflict of interest is declared
 * on the other case once confirmed. axe finds no serious or critical violation on either page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { caseFields } from '../support/cases.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';
import { setUpApi, type TestPerson } from './support/api.ts';

withAppAndBrowser();

const HOUR = 3_600_000;
/** A 1×1 PNG the browser can draw. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const TITLES = { scored: 'Broadband for the highlands', conflicted: 'Rural fibre cooperative' } as const;
/** The contact details caseFields gives every case: none may reach a reviewer's browser. */
const CONTACT = { name: 'Amina Okafor', phone: '+86 10 5555 0101' } as const;

const LOCALES = [
  { locale: 'en', browserLocale: 'en-GB', words: en },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN },
] as const;


const { ok, person } = setUpApi(() => app.apiUrl);
type Who = TestPerson;

/** Attaches `bytes` to the case as a browser would (the presigned POST), and waits for the verifier's verdict. */
async function attach(caseId: string, owner: Who, fileName: string, contentType: string, bytes: Buffer): Promise<void> {
  const started = (await ok('POST', `/cases/${caseId}/attachments`, owner.token, { fileName, contentType, size: bytes.length, purpose: 'supporting' })) as {
    attachment: { attachmentId: string };
    upload: { url: string; fields: Record<string, string> };
  };
  const form = new FormData();
  for (const [k, v] of Object.entries(started.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), fileName);
  const stored = await fetch(started.upload.url, { method: 'POST', body: form });
  await stored.arrayBuffer();
  if (stored.status >= 300) throw new Error(`storage refused ${fileName}: ${stored.status}`);
  const path = `/cases/${caseId}/attachments/${started.attachment.attachmentId}`;
  for (const until = Date.now() + 20_000; (await ok('GET', path, owner.token)).status !== 'ready'; ) {
    if (Date.now() > until) throw new Error(`${fileName} was not verified in 20 s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(LOCALES)("the reviewers' desk ($locale)", ({ locale, browserLocale, words }) => {
  const run = `${locale.toLowerCase()}-${Date.now().toString(36)}`;
  const editionId = `2032-${run}`;
  const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);
  let vocabulary: { criteria: { id: string; label: string }[]; recommendations: { id: string; label: string }[] };
  const people = {} as Record<'organiser' | 'reviewer' | 'scored' | 'conflicted', Who>;
  const caseOf = {} as Record<'scored' | 'conflicted', string>;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** Every call the pages made to the API, with its If-Match, and every answer's body as text. */
  const sent: { method: string; path: string; ifMatch: string | undefined; body: string | null }[] = [];
  const answers: { method: string; path: string; status: number; text: string }[] = [];

  beforeAll(async () => {
    vocabulary = (await ok('GET', `/vocabulary?lang=${locale}`)) as typeof vocabulary;
    people.organiser = await person(`org-${run}`, ['organisers']);
    people.reviewer = await person(`rev-${run}`, ['reviewers']);
    for (const role of ['scored', 'conflicted'] as const) people[role] = await person(`${role}-${run}`);
    const now = Date.now();
    await ok('PUT', `/editions/${editionId}`, people.organiser.token, {
      name: `Call ${run}`,
      opensAt: new Date(now - HOUR).toISOString(),
      deadline: new Date(now + HOUR).toISOString(),
      timeZone: 'Asia/Shanghai',
    });
    for (const role of ['scored', 'conflicted'] as const) {
      caseOf[role] = String((await ok('POST', `/editions/${editionId}/cases`, people[role].token, caseFields(TITLES[role], people[role].email))).caseId);
    }
    await attach(caseOf.scored, people.scored, 'site-visit.png', 'image/png', PNG);
    for (const role of ['scored', 'conflicted'] as const) await ok('POST', `/cases/${caseOf[role]}/submit`, people[role].token);
    await ok('POST', `/editions/${editionId}/close`, people.organiser.token);
    await ok('POST', `/editions/${editionId}/assignments`, people.organiser.token, {
      assign: [
        { caseId: caseOf.scored, sub: people.reviewer.sub },
        { caseId: caseOf.conflicted, sub: people.reviewer.sub },
      ],
    });

    context = await browser.newContext({ locale: browserLocale });
    context.on('request', (request) => {
      if (!request.url().startsWith(app.apiUrl) || request.method() === 'OPTIONS') return;
      sent.push({ method: request.method(), path: new URL(request.url()).pathname, ifMatch: request.headers()['if-match'], body: request.postData() });
    });
    context.on('response', (response) => {
      if (!response.url().startsWith(app.apiUrl) || response.request().method() === 'OPTIONS') return;
      const entry = { method: response.request().method(), path: new URL(response.url()).pathname, status: response.status() };
      void response.text().then((text) => answers.push({ ...entry, text }), () => undefined);
    });
    page = await signedIn('/reviews');
  }, 90_000);

  afterAll(async () => {
    await context?.close();
  });

  /** A new tab at `path`, signed in there as the reviewer on the local sign-in page (the session is per tab). */
  async function signedIn(path: string): Promise<Page> {
    const tab = await context.newPage();
    tab.on('pageerror', (err) => pageErrors.push(err.message));
    await tab.goto(`${app.appUrl}${path}`);
    await tab.getByLabel(words['signIn.name'], { exact: true }).fill(people.reviewer.sub);
    await tab.getByLabel(words['signIn.email'], { exact: true }).fill(people.reviewer.email);
    await tab.getByLabel(words['signIn.role.reviewer'], { exact: true }).check();
    await tab.getByRole('button', { name: words['signIn.submit'] }).click();
    return tab;
  }

  const item = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
  const score = (tab: Page, criterion: string) => tab.getByLabel(vocabulary.criteria.find((c) => c.id === criterion)!.label, { exact: true });
  const stateLine = (tab: Page) => tab.locator('.review-form .save-state');
  const seriousViolations = async (tab: Page) =>
    (await new AxeBuilder({ page: tab }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  const myReview = async () => ok('GET', `/cases/${caseOf.scored}/reviews/me`, people.reviewer.token);

  it('lists both assigned cases, by edition, neither reviewed yet', async () => {
    await expect.poll(() => page.getByRole('heading', { name: words['review.title'], level: 1 }).isVisible()).toBe(true);
    const edition = page.getByRole('region', { name: `Call ${run}` });
    await expect.poll(() => edition.isVisible()).toBe(true);
    expect(await edition.getByText(fill(words['review.progress'], { reviewed: 0, total: 2 })).isVisible()).toBe(true);
    expect(await edition.getByText(words['review.window.open']).isVisible()).toBe(true);
    for (const title of Object.values(TITLES)) expect(await item(title).getByText(words['review.state.todo'], { exact: true }).isVisible()).toBe(true);
    expect(sent.some((s) => s.method === 'GET' && s.path === '/me/assignments')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('opens a case without its contact details, in the page or in what the API answered it, and previews its image', async () => {
    await page.getByRole('link', { name: TITLES.scored }).click();
    await expect.poll(() => page.getByRole('heading', { name: TITLES.scored, level: 1 }).isVisible()).toBe(true);
    const details = page.getByRole('region', { name: words['review.case.title'] });
    expect(await details.getByText('Highland Connectivity Cooperative', { exact: false }).isVisible()).toBe(true);
    const image = page.getByRole('region', { name: words['files.title'] }).getByRole('img', { name: fill(words['files.preview'], { name: 'site-visit.png' }) });
    await expect.poll(() => image.isVisible()).toBe(true);
    await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);

    const text = (await page.locator('main').textContent()) ?? '';
    for (const secret of [CONTACT.name, CONTACT.phone, people.scored.email]) expect(text).not.toContain(secret);
    // What the API answered the page: the case itself, and every other answer, carry none of them.
    const theCase = answers.find((a) => a.method === 'GET' && a.path === `/cases/${caseOf.scored}`);
    expect(theCase?.status).toBe(200);
    expect(Object.keys(JSON.parse(theCase!.text) as object)).not.toContain('contact');
    for (const a of answers) for (const secret of [CONTACT.name, CONTACT.phone, people.scored.email]) expect(a.text).not.toContain(secret);

    // On a phone, nothing needs scrolling sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.locator('html').evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('adds up the scores as they are typed, then saves the review, the second save with If-Match', async () => {
    expect(await stateLine(page).textContent()).toBe(words['review.save.none']);
    await score(page, 'innovation').fill('7');
    await score(page, 'impact').fill('8');
    const partial = page.getByText(fill(words['review.total.partial'], { total: 15, max: 40, scored: 2, count: 4 }));
    await expect.poll(() => partial.isVisible()).toBe(true);
    await score(page, 'cooperation').fill('6');
    await score(page, 'sustainability').fill('9');
    await expect.poll(() => page.getByText(fill(words['review.total'], { total: 30, max: 40 })).isVisible()).toBe(true);

    // Without a recommendation nothing is sent: the summary says what to do.
    const puts = () => sent.filter((s) => s.method === 'PUT' && s.path === `/cases/${caseOf.scored}/reviews/me`);
    await page.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => page.getByRole('link', { name: words['review.recommendation.missing'] }).isVisible()).toBe(true);
    expect(puts()).toEqual([]);

    const collection = vocabulary.recommendations.find((r) => r.id === 'collection')!.label;
    await page.getByLabel(collection, { exact: true }).check();
    await page.getByLabel(words['review.comment'], { exact: true }).fill('Solid, well documented.');
    await page.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => stateLine(page).textContent()).toBe(words['review.save.saved']);
    // The first save creates the review: there is no version to match yet.
    expect(puts().map((p) => p.ifMatch)).toEqual([undefined]);

    await score(page, 'innovation').fill('8');
    await expect.poll(() => page.getByText(fill(words['review.total'], { total: 31, max: 40 })).isVisible()).toBe(true);
    await page.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => puts().length).toBe(2);
    await expect.poll(() => stateLine(page).textContent()).toBe(words['review.save.saved']);
    expect(puts()[1]).toMatchObject({ ifMatch: '"1"' });
    expect(JSON.parse(puts()[1]!.body!)).toEqual({ scores: { innovation: 8, impact: 8, cooperation: 6, sustainability: 9 }, recommendation: 'collection', comment: 'Solid, well documented.' });
    expect(await myReview()).toMatchObject({ total: 31, recommendation: 'collection', version: 2 });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the case as reviewed in the list', async () => {
    await page.getByRole('link', { name: words['review.back'] }).click();
    const edition = page.getByRole('region', { name: `Call ${run}` });
    await expect.poll(() => edition.getByText(fill(words['review.progress'], { reviewed: 1, total: 2 })).isVisible()).toBe(true);
    const reviewed = words['review.state.reviewed'].split('{time}')[0]!;
    expect(await item(TITLES.scored).getByText(reviewed, { exact: false }).isVisible()).toBe(true);
    expect(await item(TITLES.conflicted).getByText(words['review.state.todo'], { exact: true }).isVisible()).toBe(true);
  });

  it('shows a change saved in a second tab as a conflict, keeping what was typed here', async () => {
    await page.getByRole('link', { name: TITLES.scored }).click();
    await expect.poll(() => score(page, 'innovation').inputValue()).toBe('8');

    const second = await signedIn(`/reviews/${caseOf.scored}`);
    await expect.poll(() => score(second, 'impact').inputValue()).toBe('8');
    await score(second, 'impact').fill('3');
    await second.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => stateLine(second).textContent()).toBe(words['review.save.saved']);
    await second.close();

    await page.getByLabel(words['review.comment'], { exact: true }).fill('Read again: the partners did most of the work.');
    await page.getByRole('button', { name: words['review.save'] }).click();
    const conflict = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: words['review.conflict.title'] }) });
    await expect.poll(() => conflict.isVisible()).toBe(true);
    expect(await conflict.getByText(fill(words['review.conflict.theirs'], { value: '3' }), { exact: true }).isVisible()).toBe(true);
    expect(await conflict.getByText(fill(words['review.conflict.yours'], { value: '8' }), { exact: true }).isVisible()).toBe(true);
    // Nothing typed here is lost, and nothing was overwritten: the API refused the stale save.
    expect(await page.getByLabel(words['review.comment'], { exact: true }).inputValue()).toBe('Read again: the partners did most of the work.');
    const refused = answers.filter((a) => a.method === 'PUT' && a.status === 412);
    expect(refused).toHaveLength(1);
    expect(await myReview()).toMatchObject({ scores: { impact: 3 }, version: 3 });
    expect(await seriousViolations(page)).toEqual([]);

    await conflict.getByRole('button', { name: words['review.conflict.keep'] }).click();
    await expect.poll(() => stateLine(page).textContent()).toBe(words['review.save.saved']);
    expect(sent.filter((s) => s.method === 'PUT').at(-1)).toMatchObject({ ifMatch: '"3"' });
    expect(await myReview()).toMatchObject({ scores: { impact: 8 }, comment: 'Read again: the partners did most of the work.', version: 4 });
  });

  it('keeps the review when the network is lost, and saves it once the network is back', async () => {
    await context.setOffline(true);
    await score(page, 'cooperation').fill('7');
    await page.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => stateLine(page).textContent()).toBe(words['review.save.offline']);
    expect(await score(page, 'cooperation').inputValue()).toBe('7');
    await context.setOffline(false);
    await expect.poll(() => stateLine(page).textContent()).toBe(words['review.save.saved']);
    expect(await myReview()).toMatchObject({ scores: { cooperation: 7 }, version: 5 });
  });

  it("locks the form once the organisers decide the case, showing the API's answer", async () => {
    await ok('PUT', `/cases/${caseOf.scored}/decision`, people.organiser.token, { decision: 'collection' });
    await score(page, 'sustainability').fill('10');
    await page.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => answers.some((a) => a.method === 'PUT' && a.status === 409)).toBe(true);
    const problem = JSON.parse(answers.find((a) => a.method === 'PUT' && a.status === 409)!.text) as { code: string; detail: string };
    expect(problem.code).toBe('conflict');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: problem.detail }).isVisible()).toBe(true);
    expect(await score(page, 'sustainability').isDisabled()).toBe(true);
    expect(await score(page, 'sustainability').inputValue()).toBe('10');
  });

  it('declares a conflict of interest on the other case only once confirmed, with its reason', async () => {
    await page.getByRole('link', { name: words['review.back'] }).click();
    await page.getByRole('link', { name: TITLES.conflicted }).click();
    await expect.poll(() => page.getByRole('heading', { name: TITLES.conflicted, level: 1 }).isVisible()).toBe(true);
    const declare = page.getByRole('button', { name: words['review.coi.button'] });
    const dialog = page.getByRole('dialog', { name: words['review.coi.confirmTitle'] });
    const conflictPosts = () => sent.filter((s) => s.method === 'POST' && s.path === `/cases/${caseOf.conflicted}/conflict`);

    // No reason: the field says what to do, and nothing is sent.
    await declare.click();
    await dialog.getByRole('button', { name: words['review.coi.confirm'] }).click();
    await expect.poll(() => page.getByText(words['review.coi.reasonMissing'], { exact: true }).isVisible()).toBe(true);
    expect(conflictPosts()).toEqual([]);

    await page.getByLabel(words['review.coi.reason'], { exact: true }).fill('I advised the cooperative in 2022.');
    await declare.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: words['review.coi.cancel'] }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(conflictPosts()).toEqual([]);

    await declare.click();
    await dialog.getByRole('button', { name: words['review.coi.confirm'] }).click();
    await expect.poll(() => page.getByRole('heading', { name: words['review.coi.doneTitle'], level: 1 }).isVisible()).toBe(true);
    expect(conflictPosts().map((p) => JSON.parse(p.body!) as unknown)).toEqual([{ reason: 'I advised the cooperative in 2022.' }]);

    await page.getByRole('link', { name: words['review.back'] }).click();
    await expect.poll(() => item(TITLES.scored).isVisible()).toBe(true);
    expect(await item(TITLES.conflicted).count()).toBe(0);
    expect(((await ok('GET', '/me/assignments', people.reviewer.token)).items as { caseId: string }[]).map((a) => a.caseId)).toEqual([caseOf.scored]);
  });

  it('logged no error on the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
