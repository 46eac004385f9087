/**
 * The web section (issue 16, "Weight and speed", and issue 17's same bars for the console's list page): Lighthouse's
 * performance and accessibility scores, its key metrics and the JavaScript loaded, for "My cases" and the case editor
 * signed in as an applicant, and an edition's case list in the organisers' console signed in as an organiser, of the
 * built app as `npm start` serves it. Runs in its own process, because the local environment points the handlers at
 * its stand-ins through process.env:
 *
 *   node --import tsx test/bench/lighthouse.ts <runs>
 *
 * The app keeps its session in the tab's sessionStorage, so Lighthouse audits a tab that puppeteer signed in through
 * the local sign-in page (one tab per person), and keeps its storage (disableStorageReset); the HTTP cache is cleared
 * before each run instead, so that every run is a first visit. Progress goes to stderr; the last stdout line is the result
 * (lighthouse-result.ts). Exit status 1 when a run fails or audits anything but the signed-in page.
 * How to read it: test/bench/README.md, "Web app".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { format } from '../../functions/domain/i18n/catalogues.ts';
import { buildWebAppIfStale, WEB_DIST_DIR } from '../../lib/local/web-build.ts';
import { en } from '../../web/src/i18n/en.ts';
import { startAppEnvironment, type AppEnvironment } from '../browser/support/app.ts';
import { CHROMIUM_PATH } from '../browser/support/browser.ts';
import { caseFields } from '../support/cases.ts';
import { CATEGORIES, LIGHTHOUSE_RESULT_PREFIX, type LighthouseResult, type LostAudit, type PageResult, type PageRun } from './lighthouse-result.ts';

const runs = Number(process.argv[2]);
if (!(Number.isInteger(runs) && runs >= 1)) {
  process.stderr.write('usage: lighthouse.ts <runs ≥ 1>\n');
  process.exit(1);
}

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[web +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
class BenchFailure extends Error {}

const WHO = { sub: 'lighthouse-bench', email: 'lighthouse-bench@example.org' };
const ORGANISER = { sub: 'lighthouse-organiser', email: 'lighthouse-organiser@example.org' };
/** The edition of the console's list page: its own, so that the list holds only the cases made for it. */
const CONSOLE_EDITION = { editionId: '2031-lighthouse', name: 'Lighthouse edition' };
/** How many submitted cases the console's list shows: a few, each from its own applicant. */
const CONSOLE_CASES = 6;
const HOUR_MS = 3_600_000;
/** The local sign-in's roles audited (web/src/session/local.ts LOCAL_ROLES; its radio buttons' ids end in the role). */
type Role = 'applicant' | 'organiser';
const TITLE = 'Community broadband for mountain villages';
/** The benchmarks' complete case of realistic size: the editor shows every field filled in, partners and links included. */
const DRAFT = caseFields(TITLE, WHO.email);
/** Lighthouse's own line between a passed audit and one it flags (its report's green). */
const DIAGNOSTIC_PASS = 0.9;
const FLAGS: Flags = { disableStorageReset: true, onlyCategories: [...CATEGORIES], output: 'json', logLevel: 'error' };

/** A page audited, in the tab of the person it is for, and how to tell that the audit saw it signed in. */
interface Target {
  name: string;
  tab: Page;
  route: string;
  /** The API request the page's load makes for its data: only a signed-in page makes it. */
  dataPath: string;
  /** Its h1 once loaded (the sign-in page's is en['signIn.title']). */
  heading: string;
}

/** Opens `url` and signs in there through the app's local sign-in page, as a person would: a name, an e-mail address and a role. */
async function signIn(page: Page, url: string, who: { sub: string; email: string }, role: Role, heading: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('#sign-in-sub');
  await page.type('#sign-in-sub', who.sub);
  await page.type('#sign-in-email', who.email);
  await page.click(`#sign-in-role-${role}`);
  await page.click('form button[type=submit]');
  await headingShown(page, heading, 30_000);
}

/** Waits until the page's h1 reads `text` (a string expression: this project's Node code has no DOM types). */
const headingShown = (page: Page, text: string, timeout: number) =>
  page.waitForFunction(`document.querySelector('h1')?.textContent === ${JSON.stringify(text)}`, { timeout });

/** A call to the local API; anything but 2xx fails the section. */
async function call<T>(apiUrl: string, method: string, route: string, body?: unknown, token?: string): Promise<T> {
  const response = await fetch(`${apiUrl}${route}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new BenchFailure(`${method} ${route} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const tokenOf = async (apiUrl: string, who: { sub: string; email: string }, groups: string[] = []) =>
  (await call<{ token: string }>(apiUrl, 'POST', '/local/token', { ...who, groups, locale: 'en' })).token;

/** Creates the draft through the API, as the same account (the local sign-in's name is the account). */
async function createDraft(apiUrl: string): Promise<string> {
  const token = await tokenOf(apiUrl, WHO);
  const { items } = await call<{ items: { editionId: string; status: string }[] }>(apiUrl, 'GET', '/editions');
  const open = items.find((e) => e.status === 'open');
  if (!open) throw new BenchFailure('the local environment has no open edition (lib/local/seed.ts seeds one)');
  const { caseId } = await call<{ caseId: string }>(apiUrl, 'POST', `/editions/${open.editionId}/cases`, DRAFT, token);
  return caseId;
}

/**
 * The console's edition, as an organiser finds it once the call has closed: CONSOLE_CASES complete cases of realistic
 * size submitted by as many applicants, then closed by hand (so each row offers its decision).
 */
async function createConsoleEdition(apiUrl: string): Promise<void> {
  const organiser = await tokenOf(apiUrl, ORGANISER, ['organisers']);
  const now = Date.now();
  const { editionId, name } = CONSOLE_EDITION;
  await call(apiUrl, 'PUT', `/editions/${editionId}`, { name, opensAt: new Date(now - HOUR_MS).toISOString(), deadline: new Date(now + HOUR_MS).toISOString(), timeZone: 'Asia/Shanghai' }, organiser);
  for (let i = 1; i <= CONSOLE_CASES; i++) {
    const applicant = { sub: `lighthouse-applicant-${i}`, email: `lighthouse-applicant-${i}@example.org` };
    const token = await tokenOf(apiUrl, applicant);
    const { caseId } = await call<{ caseId: string }>(apiUrl, 'POST', `/editions/${editionId}/cases`, caseFields(`${TITLE} ${i}`, applicant.email), token);
    await call(apiUrl, 'POST', `/cases/${caseId}/submit`, undefined, token);
  }
  await call(apiUrl, 'POST', `/editions/${editionId}/close`, undefined, organiser);
}

/** The rows of one of the result's table audits (network-requests...). */
function rows(lhr: Result, auditId: string): Record<string, unknown>[] {
  const details = lhr.audits[auditId]?.details;
  return details?.type === 'table' ? details.items : [];
}

const gzippedBytes = new Map<string, number>();
/** A script of the app, gzipped as a CDN would send it: the local server sends it uncompressed. */
function gzipped(pathname: string): number {
  let bytes = gzippedBytes.get(pathname);
  if (bytes === undefined) {
    bytes = gzipSync(readFileSync(path.join(WEB_DIST_DIR, pathname))).length;
    gzippedBytes.set(pathname, bytes);
  }
  return bytes;
}

/** What one run measured, from Lighthouse's result. */
function pageRun(lhr: Result, appOrigin: string): PageRun {
  const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const scripts = [
    ...new Set(
      rows(lhr, 'network-requests')
        .map((r) => new URL(String(r.url)))
        .filter((url) => url.origin === appOrigin && url.pathname.endsWith('.js'))
        .map((url) => url.pathname),
    ),
  ];
  const lost = CATEGORIES.flatMap((category): LostAudit[] => {
    const refs = lhr.categories[category]?.auditRefs.filter((ref) => ref.weight > 0) ?? [];
    const total = refs.reduce((sum, ref) => sum + ref.weight, 0);
    return refs.flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) return [];
      return [
        {
          category,
          id: ref.id,
          title: audit.title,
          weight: ref.weight,
          score: audit.score,
          points: ((ref.weight * (1 - audit.score)) / total) * 100,
          ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
        },
      ];
    });
  });
  return {
    scores: { performance: (lhr.categories.performance?.score ?? Number.NaN) * 100, accessibility: (lhr.categories.accessibility?.score ?? Number.NaN) * 100 },
    fcpMs: metric('first-contentful-paint'),
    lcpMs: metric('largest-contentful-paint'),
    tbtMs: metric('total-blocking-time'),
    cls: metric('cumulative-layout-shift'),
    jsGzipKB: scripts.reduce((sum, p) => sum + gzipped(p), 0) / 1000,
    jsFiles: scripts.length,
    lost,
    diagnostics: (lhr.categories.performance?.auditRefs ?? []).flatMap((ref) => {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 || !audit || audit.score === null || audit.score >= DIAGNOSTIC_PASS) return [];
      return [{ id: ref.id, title: audit.title, ...(audit.displayValue ? { displayValue: audit.displayValue } : {}) }];
    }),
    warnings: lhr.runWarnings,
  };
}

/** Fails unless the run audited `target` signed in: its URL, its data fetched with 200, and its heading on the page after the run. */
async function checkSignedIn(lhr: Result, target: Target, app: AppEnvironment): Promise<void> {
  const what = `the run of ${target.name}`;
  if (lhr.runtimeError) throw new BenchFailure(`${what} failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== `${app.appUrl}${target.route}`) throw new BenchFailure(`${what} ended at ${lhr.finalDisplayedUrl}`);
  // Its CORS preflight (204) aside.
  const data = rows(lhr, 'network-requests').find((r) => String(r.url).startsWith(`${app.apiUrl}${target.dataPath}`) && r.statusCode !== 204);
  if (data?.statusCode !== 200) throw new BenchFailure(`${what} did not load its data (GET ${target.dataPath}: ${data ? `status ${String(data.statusCode)}` : 'not requested'}): it audited the sign-in page`);
  const shown = await headingShown(target.tab, target.heading, 10_000).then(
    () => true,
    () => false,
  );
  if (!shown) throw new BenchFailure(`${what} left the page at "${await target.tab.$eval('h1', (h) => h.textContent).catch(() => 'no h1')}", not "${target.heading}"`);
}

let app: AppEnvironment | undefined;
let browser: Browser | undefined;
let failed = false;
try {
  await buildWebAppIfStale(progress);
  app = await startAppEnvironment();
  // --no-sandbox: as root on CI Chromium's sandbox refuses to start; --lang: the app's language follows the browser's.
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'] });
  // The session is per tab: the applicant's and the organiser's each have their own.
  const applicantTab = await browser.newPage();
  await signIn(applicantTab, `${app.appUrl}/`, WHO, 'applicant', en['cases.title']);
  const caseId = await createDraft(app.apiUrl);
  await createConsoleEdition(app.apiUrl);
  const organiserTab = await browser.newPage();
  await signIn(organiserTab, `${app.appUrl}/console`, ORGANISER, 'organiser', en['console.title']);
  progress(`app at ${app.appUrl}, signed in as ${WHO.sub} (draft ${caseId}) and ${ORGANISER.sub} (edition ${CONSOLE_EDITION.editionId}, ${CONSOLE_CASES} cases); ${runs} Lighthouse runs per page`);

  const consoleCases = `/editions/${CONSOLE_EDITION.editionId}/cases`;
  const targets: Target[] = [
    { name: 'My cases', tab: applicantTab, route: '/', dataPath: '/me/cases', heading: en['cases.title'] },
    { name: 'Case editor', tab: applicantTab, route: `/cases/${caseId}`, dataPath: `/cases/${caseId}`, heading: TITLE },
    { name: 'Console cases', tab: organiserTab, route: `/console${consoleCases}`, dataPath: consoleCases, heading: format(en['console.cases.title'], { name: CONSOLE_EDITION.name }) },
  ];
  const pages: PageResult[] = targets.map((x) => ({ name: x.name, route: x.route.replace(caseId, '{caseId}').replace(CONSOLE_EDITION.editionId, '{editionId}'), runs: [] }));
  const cdps = new Map(await Promise.all([applicantTab, organiserTab].map(async (tab) => [tab, await tab.createCDPSession()] as const)));
  let first: Result | undefined;
  // Pages interleaved: a busy moment of the machine does not land on one page only.
  for (let run = 1; run <= runs; run++) {
    for (const [i, target] of targets.entries()) {
      progress(`Lighthouse run ${run}/${runs}: ${target.name}`);
      // Chromium does not paint a tab in the background (Lighthouse's NO_FCP): the audited one comes to the front.
      await target.tab.bringToFront();
      await cdps.get(target.tab)!.send('Network.clearBrowserCache');
      const lhr = (await lighthouse(`${app.appUrl}${target.route}`, FLAGS, undefined, target.tab))?.lhr;
      if (!lhr) throw new BenchFailure(`Lighthouse returned no result for ${target.name}`);
      await checkSignedIn(lhr, target, app);
      pages[i]!.runs.push(pageRun(lhr, app.appUrl));
      first ??= lhr;
    }
  }
  const settings = first!.configSettings;
  const result: LighthouseResult = {
    lighthouse: first!.lighthouseVersion,
    chromium: await browser.version(),
    formFactor: settings.formFactor,
    throttling: `${settings.throttlingMethod} throttling (RTT ${settings.throttling.rttMs} ms, ${((settings.throttling.throughputKbps ?? Number.NaN) / 1024).toFixed(1)} Mbit/s, CPU ×${settings.throttling.cpuSlowdownMultiplier})`,
    benchmarkIndex: first!.environment.benchmarkIndex,
    runs,
    pages,
  };
  process.stdout.write(`\n${LIGHTHOUSE_RESULT_PREFIX}${JSON.stringify(result)}\n`);
} catch (err) {
  failed = true;
  process.stderr.write(`web benchmark: ${err instanceof BenchFailure ? err.message : ((err as Error).stack ?? String(err))}\n`);
} finally {
  await browser?.close();
  await app?.close();
}
process.exit(failed ? 1 : 0);
