/**
 * The web section (issue 16, "Weight and speed"): Lighthouse's performance and accessibility scores, its key
 * metrics and the JavaScript loaded, for "My cases" and the case editor of the built app as `npm start` serves it,
 * signed in. Runs in its own process, because the local environment points the handlers at its stand-ins through
 * process.env:
 *
 *   node --import tsx test/bench/lighthouse.ts <runs>
 *
 * The app keeps its session in the tab's sessionStorage, so Lighthouse audits a tab that puppeteer signed in through
 * the local sign-in page, and keeps its storage (disableStorageReset); the HTTP cache is cleared before each run
 * instead, so that every run is a first visit. Progress goes to stderr; the last stdout line is the result
 * (lighthouse-result.ts). Exit status 1 when a run fails or audits anything but the signed-in page.
 * How to read it: test/bench/README.md, "Web app".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
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
const TITLE = 'Community broadband for mountain villages';
/** The benchmarks' complete case of realistic size: the editor shows every field filled in, partners and links included. */
const DRAFT = caseFields(TITLE, WHO.email);
/** Lighthouse's own line between a passed audit and one it flags (its report's green). */
const DIAGNOSTIC_PASS = 0.9;
const FLAGS: Flags = { disableStorageReset: true, onlyCategories: [...CATEGORIES], output: 'json', logLevel: 'error' };

/** A page audited, and how to tell that the audit saw it signed in. */
interface Target {
  name: string;
  route: string;
  /** The API request the page's load makes for its data: only a signed-in page makes it. */
  dataPath: string;
  /** Its h1 once loaded (the sign-in page's is en['signIn.title']). */
  heading: string;
}

/** Signs in through the app's local sign-in page, as a person would: a name and an e-mail address. */
async function signIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(`${appUrl}/`);
  await page.waitForSelector('#sign-in-sub');
  await page.type('#sign-in-sub', WHO.sub);
  await page.type('#sign-in-email', WHO.email);
  await page.click('form button[type=submit]');
  await headingShown(page, en['cases.title'], 30_000);
}

/** Waits until the page's h1 reads `text` (a string expression: this project's Node code has no DOM types). */
const headingShown = (page: Page, text: string, timeout: number) =>
  page.waitForFunction(`document.querySelector('h1')?.textContent === ${JSON.stringify(text)}`, { timeout });

/** Creates the draft through the API, as the same account (the local sign-in's name is the account). */
async function createDraft(apiUrl: string): Promise<string> {
  const call = async <T>(method: string, route: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${apiUrl}${route}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new BenchFailure(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const { token } = await call<{ token: string }>('POST', '/local/token', { ...WHO, groups: [], locale: 'en' });
  const { items } = await call<{ items: { editionId: string; status: string }[] }>('GET', '/editions');
  const open = items.find((e) => e.status === 'open');
  if (!open) throw new BenchFailure('the local environment has no open edition (lib/local/seed.ts seeds one)');
  const { caseId } = await call<{ caseId: string }>('POST', `/editions/${open.editionId}/cases`, DRAFT, token);
  return caseId;
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
async function checkSignedIn(lhr: Result, page: Page, target: Target, app: AppEnvironment): Promise<void> {
  const what = `the run of ${target.name}`;
  if (lhr.runtimeError) throw new BenchFailure(`${what} failed: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (lhr.finalDisplayedUrl !== `${app.appUrl}${target.route}`) throw new BenchFailure(`${what} ended at ${lhr.finalDisplayedUrl}`);
  // Its CORS preflight (204) aside.
  const data = rows(lhr, 'network-requests').find((r) => String(r.url).startsWith(`${app.apiUrl}${target.dataPath}`) && r.statusCode !== 204);
  if (data?.statusCode !== 200) throw new BenchFailure(`${what} did not load its data (GET ${target.dataPath}: ${data ? `status ${String(data.statusCode)}` : 'not requested'}): it audited the sign-in page`);
  const shown = await headingShown(page, target.heading, 10_000).then(
    () => true,
    () => false,
  );
  if (!shown) throw new BenchFailure(`${what} left the page at "${await page.$eval('h1', (h) => h.textContent).catch(() => 'no h1')}", not "${target.heading}"`);
}

let app: AppEnvironment | undefined;
let browser: Browser | undefined;
let failed = false;
try {
  await buildWebAppIfStale(progress);
  app = await startAppEnvironment();
  // --no-sandbox: as root on CI Chromium's sandbox refuses to start; --lang: the app's language follows the browser's.
  browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'] });
  const page = await browser.newPage();
  await signIn(page, app.appUrl);
  const caseId = await createDraft(app.apiUrl);
  progress(`app at ${app.appUrl}, signed in as ${WHO.sub}, draft ${caseId}; ${runs} Lighthouse runs per page`);

  const targets: Target[] = [
    { name: 'My cases', route: '/', dataPath: '/me/cases', heading: en['cases.title'] },
    { name: 'Case editor', route: `/cases/${caseId}`, dataPath: `/cases/${caseId}`, heading: TITLE },
  ];
  const pages: PageResult[] = targets.map((t) => ({ name: t.name, route: t.route.replace(caseId, '{caseId}'), runs: [] }));
  const cdp = await page.createCDPSession();
  let first: Result | undefined;
  // Pages interleaved: a busy moment of the machine does not land on one page only.
  for (let run = 1; run <= runs; run++) {
    for (const [i, target] of targets.entries()) {
      progress(`Lighthouse run ${run}/${runs}: ${target.name}`);
      await cdp.send('Network.clearBrowserCache');
      const lhr = (await lighthouse(`${app.appUrl}${target.route}`, FLAGS, undefined, page))?.lhr;
      if (!lhr) throw new BenchFailure(`Lighthouse returned no result for ${target.name}`);
      await checkSignedIn(lhr, page, target, app);
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
