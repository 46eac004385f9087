/**
 * `npm run bench`: for every route in the route table and every worker, its bundle size, its cold import
 * time next to the floor (a bundle of only the SDK clients and presigners it uses) and its warm overhead
 * next to a bare handler making the same SDK and presign calls. Method and how to read it:
 * test/bench/README.md.
 *
 *   npm run bench [-- --runs 15 --rounds 7 --iterations 3000 --batch-ms 600 --warmup 2000
 *                     --only getCase,verifyUpload --explain]
 *
 * Then the submit section (submit.ts): submits per second against DynamoDB Local with 32 in flight next to
 * two baselines, and the capacity a submit consumes; the ranking section (ranking.ts): the time and read
 * capacity to page through 5,000 submitted cases sorted by score, next to plain Queries of the same items;
 * and the notification section (notify.ts): 1,000 selection notices through the local workflow and an SES
 * stand-in limited to R sends a second, the rate achieved as a fraction of R and the duplicate and lost
 * e-mails, next to a paced loop of the same SES client; and the web section (lighthouse.ts): Lighthouse's
 * performance and accessibility scores of the built app's "My cases" and editor, signed in, with the key metrics
 * and the JavaScript loaded. `--only-submit` / `--only-ranking` / `--only-notify` / `--only-web` run just that
 * section (several: those sections), `--skip-submit` / `--skip-ranking` / `--skip-notify` / `--skip-web` leave
 * it out; `--only` (some functions) leaves all four out.
 *
 *   npm run bench -- --only-submit [--submits 300 --submit-rounds 3 --submit-warmup 50 --submit-warm-round 600 --in-flight 32]
 *   npm run bench -- --only-ranking [--ranking-cases 5000 --ranking-rounds 5]
 *   npm run bench -- --only-notify [--notify-rate 50 --notify-cases 1000]
 *   npm run bench -- --only-web [--lighthouse-runs 3]
 *
 * Exit status: 0 when everything was measured (missed targets included: this is a report), 1 when a
 * bundle fails to build, an import fails, a route answers anything but 2xx, a worker does not take its
 * success path, a submit answers anything but 200 or leaves its case unsubmitted, a page of the ranking
 * answers anything but 200 or the pages do not list every case once, best first, a notification run fails,
 * sends a notice twice or loses one, or a Lighthouse run fails or audits anything but the signed-in page.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROUTES } from '#shared/routes';
import { WORKERS } from '#shared/workers';
import {
  EMPTY_FLOOR, bundleFunction, bundleSource, duplicatePackages, floorName, floorSource, packageBreakdown, ROOT, sdkPackagesOf, type Bundle,
} from './build.ts';
import { lambdaEnv, measureImports, writeImportChild, type ImportTarget } from './cold.ts';
import { fixed, mad, median, summariseCommands, table } from './stats.ts';
import { RESULT_PREFIX, type WarmResult } from './warm-result.ts';
import { SUBMIT_RESULT_PREFIX, submitReport, type SubmitResult } from './submit-result.ts';
import { RANKING_RESULT_PREFIX, rankingReport, type RankingResult } from './ranking-result.ts';
import { NOTIFY_RESULT_PREFIX, notifyReport, type NotifyResult } from './notify-result.ts';
import { LIGHTHOUSE_RESULT_PREFIX, lighthouseReport, type LighthouseResult } from './lighthouse-result.ts';

const IMPORT_TARGET = 1.1;
/** Issue 14, goal 2: a function with no SDK client (floor EMPTY_FLOOR) imports in under this, whatever its ratio to an empty module. */
const NO_CLIENT_IMPORT_TARGET_MS = 10;
const OVERHEAD_TARGET_US = 300;

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '7' },
    iterations: { type: 'string', default: '3000' },
    'batch-ms': { type: 'string', default: '600' },
    warmup: { type: 'string', default: '2000' },
    only: { type: 'string' },
    explain: { type: 'boolean', default: false },
    'only-submit': { type: 'boolean', default: false },
    'skip-submit': { type: 'boolean', default: false },
    submits: { type: 'string', default: '300' },
    'submit-rounds': { type: 'string', default: '3' },
    'submit-warmup': { type: 'string', default: '50' },
    'submit-warm-round': { type: 'string', default: '600' },
    'in-flight': { type: 'string', default: '32' },
    'only-ranking': { type: 'boolean', default: false },
    'skip-ranking': { type: 'boolean', default: false },
    'ranking-cases': { type: 'string', default: '5000' },
    'ranking-rounds': { type: 'string', default: '5' },
    'only-notify': { type: 'boolean', default: false },
    'skip-notify': { type: 'boolean', default: false },
    'notify-rate': { type: 'string', default: '50' },
    'notify-cases': { type: 'string', default: '1000' },
    'only-web': { type: 'boolean', default: false },
    'skip-web': { type: 'boolean', default: false },
    'lighthouse-runs': { type: 'string', default: '3' },
  },
});
const submitArgs = [opts.submits, opts['submit-rounds'], opts['submit-warmup'], opts['submit-warm-round'], opts['in-flight']].map(Number);
if (!submitArgs.every((n) => Number.isInteger(n) && n >= 0)) throw new Error('--submits, --submit-rounds, --submit-warmup, --submit-warm-round and --in-flight must be whole numbers');
if (opts['only-submit'] && (opts['skip-submit'] || opts.only)) throw new Error('--only-submit runs the submit section alone: it does not go with --skip-submit or --only');
const rankingArgs = [opts['ranking-cases'], opts['ranking-rounds']].map(Number);
if (!(Number.isInteger(rankingArgs[0]) && rankingArgs[0]! >= 200 && Number.isInteger(rankingArgs[1]) && rankingArgs[1]! >= 1)) throw new Error('--ranking-cases must be a whole number of at least 200, --ranking-rounds at least 1');
if (opts['only-ranking'] && (opts['skip-ranking'] || opts.only)) throw new Error('--only-ranking runs the ranking section alone: it does not go with --skip-ranking or --only');
const notifyArgs = [opts['notify-cases'], opts['notify-rate']].map(Number);
if (!(Number.isInteger(notifyArgs[0]) && notifyArgs[0]! >= 1 && Number.isInteger(notifyArgs[1]) && notifyArgs[1]! >= 1)) throw new Error('--notify-cases and --notify-rate must be whole numbers of at least 1');
if (opts['only-notify'] && (opts['skip-notify'] || opts.only)) throw new Error('--only-notify runs the notification section alone: it does not go with --skip-notify or --only');
const lighthouseRuns = Number(opts['lighthouse-runs']);
if (!(Number.isInteger(lighthouseRuns) && lighthouseRuns >= 1)) throw new Error('--lighthouse-runs must be a whole number of at least 1');
if (opts['only-web'] && (opts['skip-web'] || opts.only)) throw new Error('--only-web runs the web section alone: it does not go with --skip-web or --only');
/** --only-submit, --only-ranking, --only-notify and --only-web: those sections and nothing else. */
const sectionsOnly = opts['only-submit'] || opts['only-ranking'] || opts['only-notify'] || opts['only-web'];
const runSubmit = sectionsOnly ? opts['only-submit'] : !opts['skip-submit'] && !opts.only;
const runRanking = sectionsOnly ? opts['only-ranking'] : !opts['skip-ranking'] && !opts.only;
const runNotify = sectionsOnly ? opts['only-notify'] : !opts['skip-notify'] && !opts.only;
const runWeb = sectionsOnly ? opts['only-web'] : !opts['skip-web'] && !opts.only;
const runs = Number(opts.runs);
const rounds = Number(opts.rounds);
const iterations = Number(opts.iterations);
const warmup = Number(opts.warmup);
const batchMs = Number(opts['batch-ms']);
if (!(runs >= 10)) throw new Error('--runs must be at least 10');
if (!(rounds >= 1 && iterations >= 1 && warmup >= 1 && batchMs > 0)) throw new Error('--rounds, --iterations, --batch-ms and --warmup must be positive');

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[bench +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
const KiB = (bytes: number) => bytes / 1024;

/** A function the bench measures: a route's (by operationId) or a worker's (by name). */
interface Target {
  name: string;
  kind: 'route' | 'worker';
  /** The handler module, relative to functions/. */
  entry: string;
  table: boolean;
}

interface Row {
  target: Target;
  bundle?: Bundle;
  floor?: string;
  importMs?: number;
  importMad?: number;
  warm?: WarmResult;
  errors: string[];
}

const all: Target[] = [
  ...ROUTES.map((r): Target => ({ name: r.operationId, kind: 'route', entry: r.entry, table: r.table !== undefined })),
  ...WORKERS.map((w): Target => ({ name: w.name, kind: 'worker', entry: w.entry, table: w.table !== undefined })),
];
const names = all.map((t) => t.name);
const clash = names.find((n, i) => names.indexOf(n) !== i);
if (clash) throw new Error(`two functions are named ${clash}: a worker's name must differ from every operationId`);
const selected = opts.only ? all.filter((t) => opts.only!.split(',').includes(t.name)) : all;
if (selected.length === 0) throw new Error(`no route or worker matches --only ${opts.only}`);
const rows: Row[] = selected.map((target) => ({ target, errors: [] }));
const label = (t: Target) => (t.kind === 'worker' ? `${t.name} (worker)` : t.name);

const major = Number(process.versions.node.split('.')[0]);
/** What the stack sets as the functions' NODE_OPTIONS, which every import child runs with (cold.ts). */
const nodeOptions = lambdaEnv().NODE_OPTIONS;
const machine = `Node ${process.version} (Lambda: nodejs24.x) · ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} · ${new Date().toISOString()}`;
/** "a", "a and b", "a, b and c". */
const listed = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}` : (xs[0] ?? ''));
if (sectionsOnly) {
  console.log(`${listed([runSubmit ? 'Submit' : '', runRanking ? 'Ranking' : '', runNotify ? 'Notification' : '', runWeb ? 'Web app' : ''].filter(Boolean))} benchmark · ${machine}`);
  if (major !== 24) console.log(`WARNING: Node ${process.version} is not Node 24; export PATH=$PWD/node_modules/.bin:$PATH first.`);
  const submitOk = runSubmit ? await submitSection() : true;
  const rankingOk = runRanking ? await rankingSection() : true;
  const notifyOk = runNotify ? await notifySection() : true;
  const webOk = runWeb ? await webSection() : true;
  process.exit(submitOk && rankingOk && notifyOk && webOk ? 0 : 1);
}
const sections = listed([runSubmit ? 'of the submit' : '', runRanking ? 'of the ranking' : '', runNotify ? 'of the notifications' : '', runWeb ? 'of the web app' : ''].filter(Boolean));
console.log(`Benchmark of ${rows.length} functions${sections ? ` and ${sections}` : ''} · ${machine}`);
if (major !== 24) console.log(`WARNING: Node ${process.version} is not Node 24; export PATH=$PWD/node_modules/.bin:$PATH first.`);
console.log(
  `cold: median of ${runs} fresh processes per bundle, import timed inside the child, with the functions' environment${nodeOptions ? ` (NODE_OPTIONS=${nodeOptions})` : ''} · ` +
    `warm: ${warmup} warm-up, ${rounds} rounds × ${iterations} invocations each of full and bare (fewer for a slow function: a batch lasts about ${batchMs} ms), median of round means\n`,
);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
let exitCode = 0;
try {
  // ---------- 1. bundles ----------
  const floors = new Map<string, Bundle>();
  const floorSources = new Map<string, string>();
  for (const row of rows) {
    const { name, entry } = row.target;
    try {
      row.bundle = await bundleFunction(entry, tmp, name);
    } catch (err) {
      row.errors.push(`build of ${entry} failed: ${(err as Error).message}`);
      continue;
    }
    const packages = sdkPackagesOf(row.bundle.metafile, row.target.table);
    row.floor = floorName(packages);
    if (!floors.has(row.floor)) {
      const source = await floorSource(packages);
      floorSources.set(row.floor, source);
      floors.set(row.floor, await bundleSource(source, tmp, `floor-${row.floor}`, { sourceMap: false }));
    }
  }
  progress(`built ${rows.filter((r) => r.bundle).length} function bundles and ${floors.size} floors in ${tmp}`);

  // ---------- 2. cold imports ----------
  const targets: ImportTarget[] = [
    ...rows.flatMap((r) => (r.bundle ? [{ key: r.target.name, file: r.bundle.file }] : [])),
    ...[...floors].map(([name, b]) => ({ key: `floor:${name}`, file: b.file })),
  ];
  const child = writeImportChild(tmp);
  const cold = measureImports(targets, runs, child, (done, total) => progress(`cold imports: run ${done}/${total}`));
  for (const row of rows) {
    const failure = cold.errors.get(row.target.name) ?? (row.floor ? cold.errors.get(`floor:${row.floor}`) : undefined);
    if (failure) row.errors.push(failure);
    const samples = cold.samples.get(row.target.name);
    if (samples?.length) {
      row.importMs = median(samples);
      row.importMad = mad(samples);
    }
  }
  const floorMs = new Map([...floors.keys()].map((name) => [name, median(cold.samples.get(`floor:${name}`) ?? [])]));

  // ---------- 3. warm invocations ----------
  for (const row of rows) {
    if (!row.bundle) continue;
    progress(`warm: ${row.target.name}`);
    try {
      row.warm = await runWarm(row.target.name);
    } catch (err) {
      row.errors.push((err as Error).message);
    }
  }

  // ---------- 4. report ----------
  const header = ['function', 'bundle KiB', 'import ms', '±', 'floor', 'floor ms', 'ratio', '+ms', 'full µs', 'bare µs', 'overhead µs', 'batch', 'checked', 'calls'];
  const report = rows.map((row) => {
    const floor = row.floor ? floorMs.get(row.floor) : undefined;
    const full = row.warm ? median(row.warm.fullUs) : undefined;
    const bare = row.warm ? median(row.warm.bareUs) : undefined;
    return {
      row,
      ratio: row.importMs !== undefined && floor !== undefined ? row.importMs / floor : undefined,
      floor,
      full,
      bare,
      overhead: full !== undefined && bare !== undefined ? full - bare : undefined,
    };
  });
  console.log(
    table(
      header,
      report.map(({ row, ratio, floor, full, bare, overhead }) => [
        label(row.target) + (row.errors.length ? ' (FAILED)' : ''),
        row.bundle ? fixed(KiB(row.bundle.bytes), 1) : '-',
        fixed(row.importMs, 1),
        fixed(row.importMad, 1),
        row.floor ?? '-',
        fixed(floor, 1),
        ratio !== undefined ? `${fixed(ratio, 2)}x` : '-',
        row.importMs !== undefined && floor !== undefined ? fixed(row.importMs - floor, 1) : '-',
        fixed(full, 1),
        fixed(bare, 1),
        fixed(overhead, 1),
        row.warm ? String(row.warm.iterations) : '-',
        row.warm?.outcome ?? '-',
        row.warm ? summariseCommands(row.warm.commands) : '-',
      ]),
    ),
  );
  console.log(
    `\nfloors: ${[...floors].map(([name, b]) => `${name} = ${fixed(KiB(b.bytes), 1)} KiB, ${fixed(floorMs.get(name), 1)} ms`).join(' · ')}` +
      `\n± = median absolute deviation of the import samples; +ms = import − floor; overhead = full − bare (medians); batch = invocations per timed batch;` +
      `\nchecked = what every warm invocation was checked for: a route's 2xx status; a worker's` +
      `\nsuccess: its records marked 'ready' (verifyUpload), the due edition closed (closeDueEditions), every due mail sent and recorded (retryMail, sendNewMail),` +
      `\nthe run's execution started (startNotificationRun), no stalled run (startStalledNotificationRuns),` +
      `\nthe selected cases listed (pageSelected: "n ids"), the notice sent and its recipient recorded sent in the transaction (sendNotification),` +
      `\nthe recipient recorded failed (markNotificationFailed), the run recorded succeeded (finishNotificationRun), the recipient delivered (trackDelivery),` +
      `\nCognito's sign-up mail written in Chinese, with its code placeholder (customMessage: "zh-CN").`,
  );
  const duplicates = duplicateReport([
    ...rows.flatMap((r) => (r.bundle ? [[r.target.name, r.bundle] as const] : [])),
    ...[...floors].map(([n, b]) => [`floor ${n}`, b] as const),
  ]);
  if (duplicates.length) console.log(`\nTwo copies of a package in one bundle:\n${duplicates.map((d) => `  ${d}`).join('\n')}`);

  const noClient = (r: (typeof report)[number]) => r.row.floor === EMPTY_FLOOR;
  const missImport = report.filter((r) => !noClient(r) && r.ratio !== undefined && r.ratio > IMPORT_TARGET);
  const missNoClient = report.filter((r) => noClient(r) && (r.row.importMs === undefined || r.row.importMs >= NO_CLIENT_IMPORT_TARGET_MS));
  const missWarm = report.filter((r) => r.overhead !== undefined && r.overhead >= OVERHEAD_TARGET_US);
  const failed = rows.filter((r) => r.errors.length);
  const parts = [
    missImport.length
      ? `import > ${IMPORT_TARGET}x floor: ${missImport.map((r) => `${r.row.target.name} ${fixed(r.ratio, 2)}x (+${fixed((r.row.importMs ?? 0) - (r.floor ?? 0), 1)} ms over ${r.row.floor})`).join(', ')}`
      : `every import within ${IMPORT_TARGET}x its SDK floor`,
    missNoClient.length
      ? `import ≥ ${NO_CLIENT_IMPORT_TARGET_MS} ms without an SDK client: ${missNoClient.map((r) => `${r.row.target.name} ${fixed(r.row.importMs ?? Number.NaN, 1)} ms`).join(', ')}`
      : `every function without an SDK client imports in under ${NO_CLIENT_IMPORT_TARGET_MS} ms`,
    missWarm.length
      ? `overhead ≥ ${OVERHEAD_TARGET_US} µs: ${missWarm.map((r) => `${r.row.target.name} ${fixed(r.overhead, 0)} µs`).join(', ')}`
      : `every warm overhead under ${OVERHEAD_TARGET_US} µs`,
    ...(failed.length ? [`FAILED: ${failed.map((r) => r.target.name).join(', ')}`] : []),
  ];
  console.log(`\nSummary: ${parts.join('; ')}.`);

  if (failed.length) {
    exitCode = 1;
    for (const r of failed) console.error(`\n${r.target.name}:\n  ${r.errors.join('\n  ')}`);
  }

  if (!opts.explain && missImport.length) console.log('Run `npm run bench -- --explain` for what the bundles are made of and what each library costs to import.');

  if (runSubmit && !(await submitSection())) exitCode = 1;
  if (runRanking && !(await rankingSection())) exitCode = 1;
  if (runNotify && !(await notifySection())) exitCode = 1;
  if (runWeb && !(await webSection())) exitCode = 1;

  if (opts.explain) await explain(rows, floorSources);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = exitCode;

// ---------- helpers ----------

/** One line per package that a bundle holds twice, with the bundles (and floors) it applies to. */
function duplicateReport(bundles: (readonly [string, Bundle])[]): string[] {
  const where = new Map<string, string[]>();
  for (const [name, b] of bundles) {
    for (const d of duplicatePackages(b.metafile)) {
      const copies = d.copies.map((c) => `${c.version}${c.via ? ` (pinned by ${c.via})` : ''} ${fixed(KiB(c.bytes), 1)} KiB`).join(' + ');
      const line = `${d.pkg} ${copies}`;
      where.set(line, [...(where.get(line) ?? []), name]);
    }
  }
  return [...where].map(([line, names]) => `${line}: ${names.join(', ')}`);
}

/**
 * Runs a section's script (test/bench/`script`) in a fresh process and returns its exit status and its result: the
 * JSON after `prefix` on its stdout. The child gets the Lambda-like environment of the other children without the
 * session token: each script points the SDK at its local stand-ins before it loads any handler. Its stderr (progress
 * lines `[tag +…s]`) goes through to ours. Rejects, with what it said besides progress, when it gives no result or,
 * unless `figuresOnFailure`, exits other than 0.
 */
function runSection<T>(
  script: string,
  nodeArgs: string[],
  args: number[],
  prefix: string,
  tag: string,
  figuresOnFailure = false,
): Promise<{ code: number | null; result: T }> {
  const env = lambdaEnv();
  delete env.AWS_SESSION_TOKEN;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'test/bench', script), ...args.map(String)], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      process.stderr.write(d);
    });
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(prefix));
      if (!line || (code !== 0 && !figuresOnFailure)) {
        return reject(new Error(`${script} failed (exit ${code}): ${err.trim().split('\n').filter((l) => !l.startsWith(`[${tag} +`)).join('\n') || out.trim()}`));
      }
      resolve({ code, result: JSON.parse(line.slice(prefix.length)) as T });
    });
  });
}

/** Runs submit.ts in a fresh process and prints its section of the report; false when it failed. */
async function submitSection(): Promise<boolean> {
  const [submits, submitRounds, submitWarmup, warmRound, inFlight] = submitArgs as [number, number, number, number, number];
  progress(`submit: ${submitWarmup} + ${warmRound} × 3 warm-up, then ${submitRounds} rounds × ${submits} × 3 requests, ${inFlight} in flight, against DynamoDB Local`);
  try {
    const { result } = await runSection<SubmitResult>('submit.ts', ['--expose-gc'], submitArgs, SUBMIT_RESULT_PREFIX, 'submit');
    console.log(submitReport(result));
    return true;
  } catch (err) {
    console.log(`\n## Submit: FAILED\n${(err as Error).message}`);
    return false;
  }
}

/** Runs ranking.ts in a fresh process and prints its section of the report; false when it failed. */
async function rankingSection(): Promise<boolean> {
  const [cases, rankingRounds] = rankingArgs as [number, number];
  progress(`ranking: ${cases} submitted cases, a warm-up round and ${rankingRounds} rounds of three passes, against DynamoDB Local`);
  try {
    const { result } = await runSection<RankingResult>('ranking.ts', ['--expose-gc'], rankingArgs, RANKING_RESULT_PREFIX, 'ranking');
    console.log(rankingReport(result));
    return true;
  } catch (err) {
    console.log(`\n## Ranking: FAILED\n${(err as Error).message}`);
    return false;
  }
}

/**
 * Runs notify.ts in a fresh process and prints its section of the report; false when it failed. A run that
 * was measured but sent a notice twice or lost one still prints its figures (notify.ts exits 1 after them).
 */
async function notifySection(): Promise<boolean> {
  const [cases, rate] = notifyArgs as [number, number];
  progress(`notifications: a warm-up run, then ${cases} recipients at ${rate}/s through the local workflow (about ${Math.ceil(cases / rate)} s), then the paced baseline`);
  try {
    const { code, result } = await runSection<NotifyResult>('notify.ts', [], notifyArgs, NOTIFY_RESULT_PREFIX, 'notify', true);
    console.log(notifyReport(result));
    return code === 0 && result.failures.length === 0;
  } catch (err) {
    console.log(`\n## Notifications: FAILED\n${(err as Error).message}`);
    return false;
  }
}

/** Runs lighthouse.ts in a fresh process and prints its section of the report; false when it failed. */
async function webSection(): Promise<boolean> {
  progress(`web app: the built app signed in, ${lighthouseRuns} Lighthouse runs of "My cases" and of the editor`);
  try {
    const { result } = await runSection<LighthouseResult>('lighthouse.ts', [], [lighthouseRuns], LIGHTHOUSE_RESULT_PREFIX, 'web');
    console.log(lighthouseReport(result));
    return true;
  } catch (err) {
    console.log(`\n## Web app: FAILED\n${(err as Error).message}`);
    return false;
  }
}

/** Runs warm.ts for one function in a fresh process and returns what it reports. */
function runWarm(name: string): Promise<WarmResult> {
  const args = ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'test/bench/warm.ts'), name, String(warmup), String(iterations), String(rounds), String(batchMs)];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd: ROOT, env: lambdaEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return reject(new Error(`warm run of ${name} failed (exit ${code}): ${(err || out).trim()}`));
      resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as WarmResult);
    });
  });
}

/**
 * What the bundles are made of (bytes per package, from esbuild's metafile), and what each library and
 * each shared module adds to the import time of the most common floor: "floor + piece" bundled and timed
 * the same way, minus the floor. Measured on top of the floor, not alone, because pieces share Node
 * built-ins (crypto, stream...) that the SDK already loads.
 */
async function explain(rows: Row[], floorSources: Map<string, string>): Promise<void> {
  console.log('\n## What the bundles hold (KiB of minified output per package, largest first)\n');
  for (const row of rows) {
    if (!row.bundle) continue;
    const top = packageBreakdown(row.bundle.metafile).slice(0, 8);
    console.log(`${row.target.name.padEnd(18)} ${top.map((p) => `${p.pkg} ${fixed(KiB(p.bytes), 1)}`).join(' · ')}`);
  }

  const counts = new Map<string, number>();
  for (const r of rows) if (r.floor) counts.set(r.floor, (counts.get(r.floor) ?? 0) + 1);
  const base = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'empty';
  const floor = floorSources.get(base) ?? '';
  const pieces: [string, string][] = [
    ['(floor alone)', ''],
    ["zod, import { z } from 'zod'", `import { z } from 'zod'; export const zs = z.string();`],
    ["zod, import * as z from 'zod'", `import * as z from 'zod'; export const zs = z.string();`],
    ['@middy/core', `import middy from '@middy/core'; export const mw = middy(async () => 1);`],
    ['#shared/logger (the structured logger)', `export * from '#shared/logger';`],
    ['#shared/handler (middy, logger, helpers)', `export * from '#shared/handler';`],
    ['#domain/*-input (zod + the request schemas)', `export * from '#domain/edition-input'; export * from '#domain/case-input'; export * from '#domain/attachment-input'; export * from '#domain/review-input'; export * from '#domain/selection-input';`],
    ['#shared/routes (all routes, all schemas)', `export * from '#shared/routes';`],
    // Aliased: the floor may import S3Client itself.
    ['S3Client', `import { S3Client as PieceS3 } from '@aws-sdk/client-s3'; export const pieceS3 = new PieceS3({});`],
    [
      'S3Client + getSignedUrl (s3-request-presigner)',
      `import { S3Client as PieceS3 } from '@aws-sdk/client-s3'; import { getSignedUrl as pieceSign } from '@aws-sdk/s3-request-presigner'; export const pieceS3 = new PieceS3({}); export { pieceSign };`,
    ],
    [
      'S3Client + createPresignedPost (s3-presigned-post)',
      `import { S3Client as PieceS3 } from '@aws-sdk/client-s3'; import { createPresignedPost as piecePost } from '@aws-sdk/s3-presigned-post'; export const pieceS3 = new PieceS3({}); export { piecePost };`,
    ],
    ['#adapters/media-store (S3 client, both presigners)', `export * from '#adapters/media-store';`],
  ];
  const targets: ImportTarget[] = [];
  const sizes = new Map<string, number>();
  for (const [name, src] of pieces) {
    const b = await bundleSource(`${floor}${src}\n`, tmp, `piece-${targets.length}`);
    targets.push({ key: name, file: b.file });
    sizes.set(name, b.bytes);
  }
  progress('explain: timing floor + piece imports');
  const m = measureImports(targets, runs, writeImportChild(tmp));
  const floorMedian = median(m.samples.get('(floor alone)') ?? []);
  console.log(`\n## What each piece adds to the import time of the floor "${base}" (median of ${runs})\n`);
  console.log(
    table(
      ['floor + piece', 'bundle KiB', 'import ms', '±', 'added ms'],
      targets.map((t) => {
        const samples = m.samples.get(t.key) ?? [];
        return [
          t.key + (m.errors.has(t.key) ? ' (FAILED)' : ''),
          fixed(KiB(sizes.get(t.key) ?? 0), 1),
          fixed(median(samples), 1),
          fixed(mad(samples), 1),
          t.key === '(floor alone)' ? '' : fixed(median(samples) - floorMedian, 1),
        ];
      }),
    ),
  );
}
