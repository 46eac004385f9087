/**
 * The organisers' console in the built app, in headless Chromium, in English and in Chinese: an organiser creates an
 * edition in the form (times typed in Beijing time, the organiser's own time shown beside), finds it in the list and
 * edits it (If-Match; a change saved elsewhere is shown, what was typed kept); two applicants submit through the API;
 * the organiser closes the edition by hand, assigns two invited reviewers from the balanced suggestion (a refused
 * pair shown on its row), filters the cases, grants an extension from a row, decides (the count
 * follows; their own case answers 403 on its row), downloads the CSV, and reads the extensions and the audit trail
 * with its chain intact. What the network carried is asserted with what the page shows; axe finds no serious or
 * critical violation; the pages log no error.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedTime } from '../../functions/domain/i18n/dates.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { caseFields } from '../support/cases.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';

withAppAndBrowser();

const HOUR = 3_600_000;
const BEIJING_OFFSET = 8 * HOUR;
/** The organiser's computer is not in Beijing: the page must tell the two times apart. */
const ORGANISER_ZONE = 'America/New_York';

const LOCALES = [
  { locale: 'en', browserLocale: 'en-GB', words: en },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN },
] as const;

interface Vocabulary {
  categories: { id: string; label: string }[];
  decisions: { id: string; label: string }[];
  editionStatuses: { id: string; label: string }[];
}

/** What a request to the API carried, and what it was answered. */
interface Exchange {
  method: string;
  path: string;
  query: string;
  ifMatch: string | undefined;
  body: string | null;
  status: number;
}

async function call(method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${app.apiUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

const tokenOf = async (sub: string, groups: string[] = []) => String((await call('POST', '/local/token', undefined, { sub, email: `${sub}@example.org`, groups })).token);

/** An instant as Beijing's wall clock, to the minute, as a datetime-local input takes it. */
const beijingWall = (ms: number) => new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 16);
/** The instant a Beijing wall time is. */
const fromBeijingWall = (wall: string) => new Date(Date.parse(`${wall}:00.000Z`) - BEIJING_OFFSET).toISOString();

describe.each(LOCALES)('the organisers’ console ($locale)', ({ locale, browserLocale, words }) => {
  const run = `${locale.toLowerCase()}-${Date.now().toString(36)}`;
  const editionId = `2032-${run}`;
  const name = `Console call ${run}`;
  const organiser = `org-${run}`;
  const applicants = { infra: `infra-${run}`, cyber: `cyber-${run}` } as const;
  const titles = { infra: 'Village broadband', cyber: 'Joint CERT drills', own: 'The organiser’s own case' } as const;
  const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);
  const caseIds = {} as Record<keyof typeof titles, string>;
  const reviewers = { ana: { name: `Ana ${run}`, email: `ana-${run}@example.org`, sub: '' }, bo: { name: `Bo ${run}`, email: `bo-${run}@example.org`, sub: '' } };
  const exchanges: Exchange[] = [];
  const pageErrors: string[] = [];
  let vocabulary: Vocabulary;
  let context: BrowserContext;
  let page: Page;
  const opensWall = beijingWall(Date.now() - HOUR);
  const deadlineWall = beijingWall(Date.now() + 3 * HOUR);

  beforeAll(async () => {
    vocabulary = (await call('GET', `/vocabulary?lang=${locale}`)) as unknown as Vocabulary;
    context = await browser.newContext({ locale: browserLocale, timezoneId: ORGANISER_ZONE });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    // Recorded as the answer arrives, before the page can show anything of it.
    page.on('response', (response) => {
      const request = response.request();
      if (!request.url().startsWith(app.apiUrl)) return;
      const url = new URL(request.url());
      exchanges.push({ method: request.method(), path: url.pathname, query: url.search, ifMatch: request.headers()['if-match'], body: request.postData(), status: response.status() });
    });
    await page.goto(`${app.appUrl}/console`);
    await page.getByLabel(words['signIn.name'], { exact: true }).fill(organiser);
    await page.getByLabel(words['signIn.email'], { exact: true }).fill(`${organiser}@example.org`);
    await page.getByLabel(words['signIn.role.organiser'], { exact: true }).check();
    await page.getByRole('button', { name: words['signIn.submit'] }).click();
    await page.getByRole('heading', { name: words['console.title'], level: 1 }).waitFor();
  }, 60_000);

  afterAll(async () => {
    await context?.close();
  });

  const heading = (text: string) => page.getByRole('heading', { name: text, level: 1 });
  const seriousViolations = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  const rowOf = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, level: 2 }) });
  const label = (list: { id: string; label: string }[], id: string) => list.find((x) => x.id === id)!.label;

  it('creates an edition from the form in Beijing time, shows the organiser’s own time beside, and lists it', async () => {
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('link', { name: words['console.edition.new'] }).click();
    await expect.poll(() => heading(words['console.edition.new']).isVisible()).toBe(true);
    expect(await page.getByLabel(words['console.edition.timeZone'], { exact: true }).inputValue()).toBe('Asia/Shanghai');
    await page.getByLabel(words['console.edition.id'], { exact: true }).fill(editionId);
    await page.getByLabel(words['console.edition.name'], { exact: true }).fill(name);
    await page.getByLabel(words['console.edition.opensAt'], { exact: true }).fill(opensWall);
    await page.getByLabel(words['console.edition.deadline'], { exact: true }).fill(deadlineWall);
    // The instant typed, in Beijing time as the e-mails word it, and in the organiser's zone beside it.
    const deadline = fromBeijingWall(deadlineWall);
    const shown = page.locator('.console-instant').filter({ hasText: zonedTime(locale, deadline, 'Asia/Shanghai') });
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toContain(ORGANISER_ZONE);
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: words['console.edition.create'] }).click();
    await expect.poll(() => heading(name).isVisible()).toBe(true);

    const created = exchanges.find((x) => x.method === 'PUT' && x.path === `/editions/${editionId}`);
    expect(created?.status).toBe(201);
    expect(JSON.parse(created?.body ?? '{}')).toMatchObject({ name, timeZone: 'Asia/Shanghai', opensAt: fromBeijingWall(opensWall), deadline, materialsDeadline: null, contact: null });
    const stored = await call('GET', `/editions/${editionId}`);
    expect(stored).toMatchObject({ deadline, status: 'open' });

    await page.getByRole('link', { name: words['console.back'] }).click();
    await expect.poll(() => page.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    await page.getByRole('link', { name, exact: true }).click();
    await expect.poll(() => heading(name).isVisible()).toBe(true);
    // The form shows the stored instants back in Beijing time.
    expect(await page.getByLabel(words['console.edition.deadline'], { exact: true }).inputValue()).toBe(deadlineWall);
  });

  it('saves a change with If-Match, and shows a change saved elsewhere without losing what was typed', async () => {
    const organiserToken = await tokenOf(organiser, ['organisers']);
    const before = await call('GET', `/editions/${editionId}`);
    // Someone else renames it meanwhile.
    await call('PUT', `/editions/${editionId}`, organiserToken, { name: `${name} (theirs)`, opensAt: before.opensAt, deadline: before.deadline, timeZone: 'Asia/Shanghai' });
    const contact = page.getByLabel(words['console.edition.contactEmail'], { exact: true });
    await page.getByLabel(words['console.edition.contactName'], { exact: true }).fill('Call secretariat');
    await contact.fill('secretariat@example.org');
    await page.getByRole('button', { name: words['console.edition.save'] }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: words['console.conflict.title'] }).isVisible()).toBe(true);
    expect(await contact.inputValue()).toBe('secretariat@example.org');
    const refused = exchanges.filter((x) => x.method === 'PUT' && x.path === `/editions/${editionId}`).at(-1);
    expect([refused?.ifMatch, refused?.status]).toEqual([`"${String(before.version)}"`, 412]);

    await page.getByRole('button', { name: words['console.conflict.keep'] }).click();
    await page.getByRole('button', { name: words['console.edition.save'] }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: words['console.edition.saved'] }).isVisible()).toBe(true);
    const saved = exchanges.filter((x) => x.method === 'PUT' && x.path === `/editions/${editionId}`).at(-1);
    expect([saved?.ifMatch, saved?.status]).toEqual([`"${Number(before.version) + 1}"`, 200]);
    expect(await call('GET', `/editions/${editionId}`)).toMatchObject({ name, contact: { name: 'Call secretariat', email: 'secretariat@example.org' } });
  });

  it('closes the edition by hand, after asking, once two applicants have submitted', async () => {
    const submit = async (sub: string, title: string, category: string) => {
      const token = await tokenOf(sub);
      const { caseId } = await call('POST', `/editions/${editionId}/cases`, token, { ...caseFields(title, `${sub}@example.org`), category });
      await call('POST', `/cases/${String(caseId)}/submit`, token);
      return String(caseId);
    };
    caseIds.infra = await submit(applicants.infra, titles.infra, 'internet-infrastructure');
    caseIds.cyber = await submit(applicants.cyber, titles.cyber, 'cybersecurity');
    // The organiser is an applicant too: a conflict of interest the list must respect.
    caseIds.own = await submit(organiser, titles.own, 'digital-economy');

    await page.getByRole('button', { name: words['console.close.button'] }).click();
    const dialog = page.getByRole('dialog', { name: fill(words['console.close.confirmTitle'], { name }) });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: words['console.close.confirm'] }).click();
    await expect.poll(() => page.locator('.meta').textContent()).toContain(label(vocabulary.editionStatuses, 'closed'));
    expect(exchanges.filter((x) => x.method === 'POST' && x.path === `/editions/${editionId}/close`).map((x) => x.status)).toEqual([200]);
    expect(await page.getByRole('button', { name: words['console.close.button'] }).count()).toBe(0);
  });

  it('assigns reviewers in bulk from a balanced suggestion, each refused pair shown on its row', async () => {
    const organiserToken = await tokenOf(organiser, ['organisers']);
    for (const r of Object.values(reviewers)) r.sub = String((await call('POST', '/reviewers', organiserToken, { email: r.email, name: r.name, locale })).sub);
    // Bo declares a conflict on the CERT case: the suggestion must leave him out, and the API refuse him there.
    await call('PUT', `/cases/${caseIds.cyber}/reviewers/${reviewers.bo.sub}`, organiserToken);
    // Signed in by e-mail address, an invitee is their directory account (lib/local/environment.ts).
    const boToken = String((await call('POST', '/local/token', undefined, { sub: `bo-${run}`, email: reviewers.bo.email, groups: ['reviewers'] })).token);
    await call('POST', `/cases/${caseIds.cyber}/conflict`, boToken, { reason: 'I advised this CERT' });

    await page.getByRole('link', { name: words['console.assign.link'] }).click();
    await expect.poll(() => heading(fill(words['console.assign.title'], { name })).isVisible()).toBe(true);
    const who = (r: { name: string; email: string }) => `${r.name} (${r.email})`;
    await expect.poll(() => page.getByLabel(who(reviewers.ana), { exact: false }).isVisible()).toBe(true);
    expect(await page.getByLabel(titles.own, { exact: false }).isDisabled()).toBe(true);
    expect(await seriousViolations()).toEqual([]);

    // The committee serves every edition (the other language's run invites its own): this run's two are ticked.
    for (const r of Object.values(reviewers)) await page.getByLabel(who(r), { exact: false }).check();
    await page.getByLabel(words['console.assign.perCase'], { exact: true }).fill('2');
    await page.getByRole('button', { name: words['console.assign.suggest'] }).click();
    const plan = page.getByRole('region', { name: fill(words['console.assign.plan'], { count: 3 }) });
    await expect.poll(() => plan.isVisible()).toBe(true);
    const pair = (title: string, r: { name: string; email: string }) => plan.getByRole('listitem').filter({ hasText: fill(words['console.assign.pair'], { title, reviewer: who(r) }) });
    for (const p of [pair(titles.infra, reviewers.ana), pair(titles.infra, reviewers.bo), pair(titles.cyber, reviewers.ana)]) expect(await p.count()).toBe(1);
    expect(await plan.getByRole('alert').textContent()).toBe(fill(words['console.assign.short'], { cases: titles.cyber }));

    // Bo on the CERT case by hand: the API refuses the whole request, and says why on that row.
    await page.getByLabel(titles.cyber, { exact: false }).check();
    await page.getByLabel(who(reviewers.ana), { exact: false }).uncheck();
    await page.getByRole('button', { name: words['console.assign.addPicked'] }).click();
    const withBo = page.getByRole('region', { name: fill(words['console.assign.plan'], { count: 4 }) });
    await expect.poll(() => withBo.isVisible()).toBe(true);
    await page.getByRole('button', { name: words['console.assign.save'], exact: true }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: fill(words['console.assign.refused'], { count: 1 }) }).isVisible()).toBe(true);
    const refusedRow = withBo.getByRole('listitem').filter({ hasText: fill(words['console.assign.pair'], { title: titles.cyber, reviewer: who(reviewers.bo) }) });
    expect(await refusedRow.locator('.error').isVisible()).toBe(true);
    const refused = exchanges.filter((x) => x.method === 'POST' && x.path === `/editions/${editionId}/assignments`);
    expect(refused.map((x) => x.status)).toEqual([409]);
    expect(JSON.parse(refused[0]?.body ?? '{}').assign).toHaveLength(4);

    await refusedRow.getByRole('button', { name: fill(words['console.assign.remove'], { title: titles.cyber, reviewer: who(reviewers.bo) }) }).click();
    await page.getByRole('button', { name: words['console.assign.save'], exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: fill(words['console.assign.saved'], { assigned: 3, unchanged: 0 }) }).isVisible()).toBe(true);
    const assigned = async (caseId: string) =>
      ((await call('GET', `/cases/${caseId}/reviewers`, organiserToken)).items as { sub: string; state: string }[]).filter((r) => r.state === 'assigned').map((r) => r.sub).sort();
    expect(await assigned(caseIds.infra)).toEqual([reviewers.ana.sub, reviewers.bo.sub].sort());
    expect(await assigned(caseIds.cyber)).toEqual([reviewers.ana.sub]);
    await page.getByRole('link', { name: fill(words['console.cases.back'], { name }) }).click();
    await expect.poll(() => heading(name).isVisible()).toBe(true);
  });

  it('lists the cases with filters, grants an extension from a row, and decides with the count following', async () => {
    await page.getByRole('link', { name: words['console.cases.link'] }).click();
    await expect.poll(() => heading(fill(words['console.cases.title'], { name })).isVisible()).toBe(true);
    for (const title of Object.values(titles)) await expect.poll(() => rowOf(title).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(fill(words['console.decision.count'], { count: 0, target: 12 })).isVisible()).toBe(true);
    expect(await rowOf(titles.own).getByText(words['console.cases.reviewsHidden']).isVisible()).toBe(true);
    expect(await seriousViolations()).toEqual([]);

    await page.getByLabel(words['console.filter.category'], { exact: true }).selectOption({ label: label(vocabulary.categories, 'cybersecurity') });
    await expect.poll(() => rowOf(titles.infra).count()).toBe(0);
    await expect.poll(() => rowOf(titles.cyber).isVisible()).toBe(true);
    expect(await rowOf(titles.own).count()).toBe(0);
    expect(exchanges.some((x) => x.path === `/editions/${editionId}/cases` && new URLSearchParams(x.query).get('category') === 'cybersecurity')).toBe(true);
    await page.getByLabel(words['console.filter.category'], { exact: true }).selectOption({ label: words['console.filter.any'] });
    await expect.poll(() => rowOf(titles.infra).isVisible()).toBe(true);

    // The extension: offered on the applicant's row, so nobody types a sub.
    const infra = rowOf(titles.infra);
    await infra.getByText(fill(words['console.extension.open'], { email: `${applicants.infra}@example.org` })).click();
    const extended = beijingWall(Date.now() + 30 * HOUR);
    await infra.getByLabel(words['console.extension.deadline'], { exact: true }).fill(extended);
    await infra.getByLabel(words['console.extension.reason'], { exact: true }).fill('Power cut at the office');
    await infra.getByRole('button', { name: words['console.extension.grant'] }).click();
    const granted = fill(words['console.extension.granted'], { email: `${applicants.infra}@example.org`, time: zonedTime(locale, fromBeijingWall(extended), 'Asia/Shanghai') });
    await expect.poll(() => infra.getByRole('status').filter({ hasText: granted }).isVisible()).toBe(true);
    expect(exchanges.find((x) => x.method === 'PUT' && x.path === `/editions/${editionId}/extensions/${applicants.infra}`)?.status).toBe(200);

    await infra.getByLabel(label(vocabulary.decisions, 'outstanding'), { exact: true }).check();
    await infra.getByLabel(words['console.decision.note'], { exact: true }).fill('Strong cooperation across three countries');
    await infra.getByRole('button', { name: words['console.decision.save'] }).click();
    await expect.poll(() => page.getByText(fill(words['console.decision.count'], { count: 1, target: 12 })).isVisible()).toBe(true);
    expect(await infra.getByText(label(vocabulary.decisions, 'outstanding'), { exact: true }).first().isVisible()).toBe(true);

    const cyber = rowOf(titles.cyber);
    await cyber.getByLabel(label(vocabulary.decisions, 'collection'), { exact: true }).check();
    await cyber.getByRole('button', { name: words['console.decision.save'] }).click();
    await expect.poll(() => cyber.getByRole('status').filter({ hasText: label(vocabulary.decisions, 'collection') }).isVisible()).toBe(true);

    // Their own case: the API refuses (403), in the page's language, on that row.
    const own = rowOf(titles.own);
    await own.getByLabel(label(vocabulary.decisions, 'outstanding'), { exact: true }).check();
    await own.getByRole('button', { name: words['console.decision.save'] }).click();
    await expect.poll(() => own.getByRole('alert').isVisible()).toBe(true);
    expect(exchanges.filter((x) => x.method === 'PUT' && x.path.endsWith('/decision')).map((x) => x.status).sort()).toEqual([200, 200, 403]);
    expect(JSON.parse(exchanges.find((x) => x.method === 'PUT' && x.path.endsWith('/decision'))?.body ?? '{}')).toEqual({ decision: 'outstanding', note: 'Strong cooperation across three countries' });
    expect(await page.getByText(fill(words['console.decision.count'], { count: 1, target: 12 })).isVisible()).toBe(true);
  });

  it('downloads the list as CSV with the bearer token', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words['console.cases.export'] }).click()]);
    expect(download.suggestedFilename()).toBe(`cases-${editionId}.csv`);
    const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(4);
    for (const title of Object.values(titles)) expect(lines.filter((l) => l.includes(title))).toHaveLength(1);
    expect(lines.find((l) => l.includes(titles.infra))).toContain('outstanding');
    expect(exchanges.find((x) => x.path === `/editions/${editionId}/cases.csv`)?.status).toBe(200);
  });

  it('lists the extensions and the audit trail, its chain intact', async () => {
    await page.getByRole('link', { name: fill(words['console.cases.back'], { name }) }).click();
    await expect.poll(() => heading(name).isVisible()).toBe(true);
    const extensions = page.getByRole('region', { name: words['console.extensions.title'] });
    await expect.poll(() => extensions.getByText('Power cut at the office').isVisible()).toBe(true);
    expect(await extensions.getByText(applicants.infra, { exact: true }).isVisible()).toBe(true);
    const audit = page.getByRole('region', { name: words['console.audit.title'] });
    await expect.poll(() => audit.getByRole('status').filter({ hasText: words['console.audit.chainValid'] }).isVisible()).toBe(true);
    for (const action of ['edition-created', 'edition-updated', 'edition-closed', 'extension-granted', 'decision-recorded'] as const) {
      expect(await audit.getByText(words[`console.audit.action.${action}`], { exact: true }).first().isVisible()).toBe(true);
    }
    expect(exchanges.find((x) => x.path === `/editions/${editionId}/audit`)?.status).toBe(200);
    expect(await seriousViolations()).toEqual([]);
  });

  it('stays usable 360 px wide, and logged no error on the pages', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(pageErrors).toEqual([]);
  });
});
