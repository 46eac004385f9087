/**
 * `npm run load`: drives the local environment (lib/local/environment.ts, what `npm start` serves) with
 * autocannon on the main read and write routes and the upload-URL route, one scenario after another, and
 * prints for each the requests per second, p50/p90/p99 latency and the errors, with a verdict against
 * issue 7's target: no errors, and p99 within 5 × p50. Exit status 1 when a scenario misses it.
 *
 *   npm run load [-- --duration 10 --connections 10 --warmup 3 --applicants 200 --on-disk --json FILE --only getCase,patchCase]
 *
 * The environment runs in this process, on a free port, with its data (s3rver's folder, the outbox, with
 * --on-disk DynamoDB Local's files) in a temporary folder that is removed afterwards; DynamoDB Local keeps
 * the table in memory unless --on-disk. autocannon runs in a child process (driver.ts). Method and how to
 * read the figures: test/load/README.md.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLocalEnvironment, type LocalEnvironment } from '../../lib/local/environment.ts';
import { signToken } from '../../lib/local/tokens.ts';
import { routes } from '../../functions/shared/routes.ts';
import type { DriverMessage, LoadJob, LoadResult } from './protocol.ts';
import { cpuMeter } from './cpu.ts';
import { stallMeter } from './stalls.ts';
import { figuresOf, report, type ScenarioFigures } from './report.ts';
import { caseFields } from '../support/cases.ts';
import {
  attachableCases, CASES_PER_APPLICANT, creators, FILES_PER_CASE, SCENARIOS, type Applicant, type Fixture, type LoadCase, type Scenario,
} from './scenarios.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const { values: opts } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    applicants: { type: 'string', default: '200' },
    only: { type: 'string' },
    'on-disk': { type: 'boolean', default: false },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (opts.help) {
  console.log(`npm run load [-- --duration S --connections C --warmup S --applicants N --on-disk --json FILE --only ${SCENARIOS.map((s) => s.name).join(',')}]`);
  process.exit(0);
}

const duration = Number(opts.duration);
const connections = Number(opts.connections);
const warmup = Number(opts.warmup);
const applicantCount = Number(opts.applicants);
if (!(Number.isInteger(duration) && duration >= 1)) throw new Error('--duration must be a whole number of seconds, at least 1');
if (!(Number.isInteger(connections) && connections >= 1)) throw new Error('--connections must be a whole number, at least 1');
if (!(Number.isInteger(warmup) && warmup >= 0)) throw new Error('--warmup must be a whole number of seconds');
if (!(Number.isInteger(applicantCount) && applicantCount >= connections)) throw new Error('--applicants must be a whole number, at least --connections');
const selected = opts.only ? opts.only.split(',').map((s) => s.trim()) : SCENARIOS.map((s) => s.name);
const unknown = selected.filter((n) => !SCENARIOS.some((s) => s.name === n));
if (unknown.length) throw new Error(`No scenario ${unknown.join(', ')}; the scenarios are ${SCENARIOS.map((s) => s.name).join(', ')}`);

/**
 * A write rate no scenario reaches on a small machine: the warm-up of a scenario that spends an allowance
 * (cases, files) gets that much of it; the measured run twice the warm-up's rate, at least this.
 */
const WRITE_RATE_GUESS = 400;
/** Other processes' mean cores busy during a run above which the report says the machine was busy. */
const BUSY_MACHINE_CORES = 0.25;
/** Requests in flight while seeding. */
const SEED_IN_FLIGHT = 8;

const progress = (line: string) => process.stderr.write(`[load] ${line}\n`);

// ---------- the driver (autocannon in a child process) ----------

interface Driver {
  run: (job: LoadJob) => Promise<LoadResult>;
  stop: () => void;
  child: ChildProcess;
}

function startDriver(): Driver {
  const child = fork(join(HERE, 'driver.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending: { resolve: (r: LoadResult) => void; reject: (e: Error) => void } | undefined;
  child.on('message', (msg: DriverMessage) => {
    const p = pending;
    pending = undefined;
    if (msg.kind === 'result') p?.resolve(msg);
    else p?.reject(new Error(`the load driver failed in ${msg.name}: ${msg.message}`));
  });
  child.on('exit', (code) => pending?.reject(new Error(`the load driver exited (${code})`)));
  return {
    child,
    run: (job) =>
      new Promise<LoadResult>((resolve, reject) => {
        pending = { resolve, reject };
        child.send(job);
      }),
    stop: () => child.connected && child.disconnect(),
  };
}

// ---------- seeding, through the API ----------

async function inPool<T>(items: T[], inFlight: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(inFlight, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

async function call(url: string, method: string, token: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

async function seedCases(base: string, f: Fixture, owners: Applicant[]): Promise<LoadCase[]> {
  const made: LoadCase[] = [];
  await inPool(owners, SEED_IN_FLIGHT, async (owner) => {
    const path = routes.createCase.path.replace('{editionId}', f.editionId);
    owner.cases.left--;
    const created = await call(base + path, 'POST', owner.token, caseFields('Community broadband for mountain villages (seeded)', `${owner.sub}@example.org`));
    made.push({ caseId: String(created.caseId), owner, files: { left: FILES_PER_CASE } });
  });
  return made;
}

function newApplicant(secret: Buffer, i: number): Applicant {
  const sub = `load-applicant-${String(i).padStart(4, '0')}`;
  return { sub, token: signToken({ sub, email: `${sub}@example.org`, groups: [] }, secret), cases: { left: CASES_PER_APPLICANT } };
}

async function seed(base: string, secret: Buffer): Promise<Fixture> {
  const now = Date.now();
  const DAY = 86_400_000;
  const editionId = `${new Date(now).getUTCFullYear()}-load`;
  const organiserToken = signToken({ sub: 'load-organiser', email: 'load-organiser@example.org', groups: ['organisers'] }, secret);
  await call(`${base}/editions/${editionId}`, 'PUT', organiserToken, {
    name: 'Load test edition',
    opensAt: new Date(now - DAY).toISOString(),
    deadline: new Date(now + 30 * DAY).toISOString(),
    timeZone: 'Asia/Shanghai',
  });
  const applicants = Array.from({ length: applicantCount }, (_, i) => newApplicant(secret, i));
  const f: Fixture = { editionId, organiserToken, applicants, seeded: [], created: [] };
  f.seeded = await seedCases(base, f, applicants);
  return f;
}

/** Adds applicants (tokens only: they have no case yet) until those who may still create cases can create `cases`. */
function ensureCreators(f: Fixture, secret: Buffer, cases: number): void {
  const capacity = creators(f).reduce((n, a) => n + a.cases.left, 0);
  const missing = Math.max(Math.ceil((cases - capacity) / CASES_PER_APPLICANT), 0);
  if (missing === 0) return;
  progress(`createCase: ${missing} more applicants (room for ${capacity} cases, want ${cases})`);
  const first = f.applicants.length;
  for (let i = 0; i < missing; i++) f.applicants.push(newApplicant(secret, first + i));
}

/** Drafts more cases until those that may still take files can take `files` more, `connections` cases at least. */
async function ensureAttachable(base: string, f: Fixture, secret: Buffer, files: number): Promise<void> {
  const cases = attachableCases(f);
  const capacity = cases.reduce((n, c) => n + c.files.left, 0);
  const missing = Math.max(Math.ceil((files - capacity) / FILES_PER_CASE), connections - cases.length, 0);
  if (missing === 0) return;
  progress(`createAttachment: drafting ${missing} more cases (room for ${capacity} files, want ${files})`);
  ensureCreators(f, secret, missing);
  // Round-robin over the applicants, so that no two drafts of one applicant are made at once (they would
  // race for the applicant's counter of cases).
  const owners: Applicant[] = [];
  for (let round = 0; owners.length < missing; round++) {
    for (const a of creators(f)) if (a.cases.left > round && owners.length < missing) owners.push(a);
  }
  f.created.push(...(await seedCases(base, f, owners)));
}

/** Makes sure a scenario that spends an allowance has enough of it for `seconds` at `rate` requests a second. */
async function ensureAllowance(base: string, f: Fixture, secret: Buffer, s: Scenario, rate: number, seconds: number): Promise<void> {
  const want = Math.ceil(rate * seconds);
  if (s.spends === 'cases') ensureCreators(f, secret, want);
  if (s.spends === 'files') await ensureAttachable(base, f, secret, want);
}

// ---------- a scenario: warm-up, then the measured run ----------

async function runOnce(base: string, driver: Driver, s: Scenario, f: Fixture, seconds: number, phase: string): Promise<LoadResult> {
  // Taken before the run: the allowances and owners behind the templates, in their order.
  const allowances = s.allowances?.(f);
  const owners = s.owners?.(f);
  const job: LoadJob = {
    kind: 'job',
    name: `${s.name} (${phase})`,
    url: base,
    connections,
    durationSeconds: seconds,
    rotation: s.rotation,
    templates: s.templates(f),
    ...(s.collectCaseIds ? { collectCaseIds: true } : {}),
  };
  const r = await driver.run(job);
  if (allowances) r.used.forEach((n, i) => (allowances[i]!.left -= n));
  if (owners) {
    for (const [template, caseId] of r.created) f.created.push({ caseId, owner: owners[template]!, files: { left: FILES_PER_CASE } });
  }
  return r;
}

/** Every measured run, for --json. */
const raw: { figures: ScenarioFigures; result: LoadResult }[] = [];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function runScenario(base: string, secret: Buffer, driver: Driver, s: Scenario, f: Fixture): Promise<ScenarioFigures> {
  const route = `${s.route.method} ${s.route.path}`;
  let warmupProblems: string[] = [];
  let warmRate = 0;
  if (warmup > 0) {
    await ensureAllowance(base, f, secret, s, WRITE_RATE_GUESS, warmup);
    progress(`${s.name}: warm-up ${warmup} s`);
    const w = await runOnce(base, driver, s, f, warmup, 'warm-up');
    warmRate = w.responses / Math.max(w.durationSeconds, 0.001);
    warmupProblems = figuresOf(s.name, route, connections, w).reasons.filter((r) => !r.startsWith('p99'));
    await pause(500);
  }
  await ensureAllowance(base, f, secret, s, Math.max(warmRate * 2, WRITE_RATE_GUESS), duration);
  progress(`${s.name}: measuring ${duration} s, ${connections} connections`);
  const meter = cpuMeter(driver.child.pid);
  const stalls = stallMeter();
  const r = await runOnce(base, driver, s, f, duration, 'measured');
  const figures = { ...figuresOf(s.name, route, connections, r), cpu: meter(), stalls: stalls() };
  if (warmupProblems.length) {
    figures.pass = false;
    figures.reasons.push(...warmupProblems.map((p) => `warm-up: ${p}`));
  }
  const others = figures.cpu.others ?? 0;
  if (!figures.pass && others >= BUSY_MACHINE_CORES) {
    figures.reasons.push(`other processes kept ${others.toFixed(2)} cores busy meanwhile: run it again on a quiet machine before blaming the code`);
  }
  raw.push({ figures, result: r });
  progress(
    `${s.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50.toFixed(2)} ms, p99 ${figures.p99.toFixed(2)} ms, ` +
      `${figures.pass ? 'PASS' : 'FAIL'} (other processes: ${others.toFixed(2)} cores)`,
  );
  await pause(1000);
  return figures;
}

// ---------- main ----------

async function main(): Promise<number> {
  // The metrics writer (functions/shared/metrics.ts) would write one EMF line a metric to this terminal; on Lambda they go to CloudWatch Logs.
  process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
  const dataDir = mkdtempSync(join(os.tmpdir(), 'pc-load-'));
  // By default DynamoDB Local keeps the table in memory (--on-disk: in SQLite files, as npm start does, when
  // every write waits on the disk). In memory, the environment makes the temporary folders of s3rver and the
  // outbox itself: TMPDIR puts them inside ours, so that they go with it.
  const onDisk = opts['on-disk'];
  if (!onDisk) process.env.TMPDIR = dataDir;
  const serverLog: string[] = [];
  const requestLine = /^[A-Z]+ \S+ \d{3} \d+ms$/;
  let env: LocalEnvironment | undefined;
  let driver: Driver | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      driver?.stop();
      await env?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    })());
  process.once('SIGINT', () => {
    progress('interrupted: stopping the local environment');
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    const started = Date.now();
    env = await startLocalEnvironment({ port: 0, host: '127.0.0.1', ...(onDisk ? { dataDir } : {}), seed: false, log: (line) => requestLine.test(line) || serverLog.push(line) });
    const base = `http://127.0.0.1:${env.port}`;
    progress(`local environment at ${base} in ${((Date.now() - started) / 1000).toFixed(1)} s (data in ${dataDir})`);
    driver = startDriver();
    const seedStart = Date.now();
    const fixture = await seed(base, env.secret);
    progress(`seeded edition ${fixture.editionId} and ${fixture.seeded.length} applicants with a draft each in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    const figures: ScenarioFigures[] = [];
    for (const s of SCENARIOS.filter((x) => selected.includes(x.name))) figures.push(await runScenario(base, env.secret, driver, s, fixture));

    console.log('');
    console.log(
      `Load against the local environment: ${connections} connections, ${duration} s a scenario after ${warmup} s of warm-up; ` +
        `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.versions.node}, ` +
        `DynamoDB Local on Java ${onDisk ? 'on disk (as npm start)' : 'in memory'}.`,
    );
    console.log('Latency percentiles over every response (µs precision); req/s = responses / seconds. Target: no errors and p99 ≤ 5 × p50.');
    console.log('');
    console.log(report(figures));
    if (serverLog.length) {
      console.log('');
      console.log(`The local environment logged ${serverLog.length} lines other than requests; the first ones:`);
      for (const line of serverLog.slice(0, 10)) console.log(`  ${line.slice(0, 500)}`);
    }
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ connections, duration, warmup, onDisk, runs: raw }));
    return figures.every((x) => x.pass) ? 0 : 1;
  } finally {
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`npm run load failed: ${err.stack ?? err.message}`);
    process.exit(1);
  },
);
