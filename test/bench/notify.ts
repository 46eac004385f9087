/**
 * The notification benchmark (issue 6): selection notices to every selected owner of an edition through the
 * local workflow, with an SES stand-in that accepts R sends a second. The achieved rate as a fraction of R
 * (target ≥ 0.9) and the duplicate and lost e-mails (target 0), next to a baseline of the same run: the same
 * SES client sending the same notices from a loop paced at R. Runs in its own process, because the handlers
 * read their environment (table, endpoints, mail transport, pace) when their modules load:
 *
 *   node --import tsx test/bench/notify.ts <cases> <rate>
 *
 * Progress goes to stderr; the last stdout line is the result (notify-result.ts). Exit status 1 when the run
 * could not be measured (a start not answered 202, an execution that did not start from the table's stream, failed
 * or did not end) or when a notice went out twice, went missing or went to the wrong owner (the result then lists
 * why).
 * Method and how to read it: test/bench/README.md, "Notifications".
 */
import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynamoLocal, type DynamoLocal } from '../../lib/local/dynamodb.ts';
import { setLocalEnv, setLocalWorkflowEnv, startLocalWorkflows } from '../../lib/local/environment.ts';
import { startFakeSes, type FakeSes, type SesMessage } from '../../lib/local/ses.ts';
import type { LocalStepFunctions } from '../../lib/local/stepfunctions.ts';
import type { StreamPoller } from '../../lib/local/streams.ts';
import { executionStarted, startRunStream } from '../support/run-stream.ts';
import type { CaseRecord } from '#domain/case';
import { newEdition, SCHEDULE } from '#domain/edition';
import { ulid } from '#domain/ids';
import type { EditionInput } from '#domain/edition-input';
import { keys } from '#adapters/table-design';
import { pageSizeFor } from '#shared/notify-workflow';
import { routes } from '#shared/routes';
import { CASE_FIELDS, eventFor, lambdaContext } from './fixtures.ts';
import { dynamoLocalVersion, pool } from './dynamo-local.ts';
import { NOTIFY_RESULT_PREFIX, type NotifyResult, type Sending } from './notify-result.ts';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type Item = Record<string, unknown>;

const [casesArg, rateArg] = process.argv.slice(2);
const cases = Number(casesArg);
const rate = Number(rateArg);
if (!(Number.isInteger(cases) && cases >= 1 && Number.isInteger(rate) && rate >= 1)) {
  process.stderr.write('usage: notify.ts <cases ≥ 1> <rate ≥ 1>\n');
  process.exit(1);
}

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[notify +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
class BenchFailure extends Error {}

const TABLE = 'bench-notify';
const EDITION = '2025';
const WARMUP_EDITION = '2025-warm-up';
/** What sendNotification holds each Map slot for (its default, set explicitly so that the shell cannot change it). */
const PACE_MS = 1000;
/** The stack's largest maxSendRate (lib/stage-config.ts): an inline Map runs at most 40 iterations at once. */
const STACK_MAX_RATE = 40;
const ORGANISER = { sub: '5a7c9e1b-3d5f-4b6a-8c0e-2f4a6c8e0b1d', email: 'secretariat@example.org' };
const DAY = 86_400_000;
/** A selection notice's subject (functions/domain/notification.ts, selectionNotice), in English: the seeded owners have no other language. */
const SELECTION = /^(Outstanding case|Selected for the case collection): /;
/**
 * The pause before the run and before the baseline. Longer than the 5 s after which the stand-in (a Node HTTP
 * server, keepAliveTimeout's default) closes an idle connection: the SES client keeps its connections, and one
 * the stand-in closes just as the client reuses it fails that send with "socket hang up" (ECONNRESET), which
 * the mailer records as an uncertain outcome, never resent, i.e. a lost notice. After the pause the client has
 * seen every close and opens new connections.
 */
const QUIET_MS = 6000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** The edition's seeded cases: every one submitted and selected, each with its own owner (and no cc). */
interface Seeded { caseId: string; email: string; decision: 'outstanding' | 'collection' }

async function run(ses: FakeSes, flows: LocalStepFunctions): Promise<NotifyResult> {
  // The modules read the environment when they load: only now.
  const { ddb } = await import('#adapters/clients');
  const { caseItems } = await import('#adapters/cases-repo');
  const { createEdition } = await import('#adapters/editions-repo');
  const { mailer } = await import('#adapters/mailer');
  const { selectionNotice } = await import('#domain/notification');
  const start = ((await import('../../functions/notifications/start-notifications.ts')) as { handler: Handler }).handler;
  const list = ((await import('../../functions/notifications/list-notifications.ts')) as { handler: Handler }).handler;

  // ---------- data: a closed edition (and the warm-up's), every case submitted and decided selected ----------
  const opensAt = Date.parse('2025-03-01T00:00:00Z');
  const deadline = Date.parse('2025-06-30T16:00:00Z');
  const materialsDeadline = new Date(Date.now() + 30 * DAY).toISOString();
  const editionOf = (editionId: string) => {
    const input: EditionInput = {
      name: `Global Call for Practice Cases ${editionId}`,
      opensAt: new Date(opensAt).toISOString(),
      deadline: new Date(deadline).toISOString(),
      timeZone: 'Asia/Shanghai',
      materialsDeadline,
      contact: { name: 'Call secretariat', email: 'secretariat@example.org', phone: '+86 10 5555 0100' },
    };
    return { ...newEdition(editionId, input, new Date(opensAt - 30 * DAY)), closedAt: input.deadline, closedBy: SCHEDULE };
  };
  const seed = async (editionId: string, n: number, tag: string): Promise<{ seeded: Seeded[]; records: Map<string, CaseRecord> }> => {
    if (!(await createEdition(editionOf(editionId)))) throw new BenchFailure(`the edition ${editionId} exists already`);
    const seeded: Seeded[] = [];
    const records = new Map<string, CaseRecord>();
    const items: Item[] = [];
    const step = (deadline - opensAt - DAY) / n;
    for (let i = 0; i < n; i++) {
      const createdAt = Math.round(opensAt + i * step);
      const caseId = ulid(createdAt);
      const email = `${tag}-${String(i).padStart(5, '0')}@example.org`;
      // One in four outstanding, the rest for the collection.
      const decision = i % 4 === 0 ? 'outstanding' : 'collection';
      const submittedAt = new Date(createdAt + step / 2).toISOString();
      const record: CaseRecord = {
        ...CASE_FIELDS,
        title: `${CASE_FIELDS.title} ${i + 1}`,
        contact: { name: `Applicant ${i + 1}`, email },
        caseId,
        editionId,
        ownerId: randomUUID(),
        ownerEmail: email,
        status: 'submitted',
        receipt: { submittedAt, sha256: createHash('sha256').update(caseId).digest('hex') },
        decision,
        decidedAt: new Date(deadline + 20 * DAY).toISOString(),
        decidedBy: ORGANISER.sub,
        createdAt: new Date(createdAt).toISOString(),
        updatedAt: submittedAt,
        version: 2,
      };
      seeded.push({ caseId, email, decision });
      records.set(caseId, record);
      items.push(...caseItems(record));
    }
    const chunks = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
    await pool(chunks, 8, async (chunk) => {
      let requests: unknown[] = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt === 10) throw new BenchFailure('BatchWriteItem left cases unprocessed after 10 attempts');
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests as never } }));
        requests = out.UnprocessedItems?.[TABLE] ?? [];
      }
    });
    return { seeded, records };
  };

  const context = lambdaContext('startNotifications');
  /**
   * POST /editions/{editionId}/notifications through the real handler, then the execution the table's stream starts
   * for the run it recorded (as on AWS: the stream's latency is part of the run); the run id it answers.
   */
  const startRun = async (editionId: string): Promise<string> => {
    const res = await start(eventFor(routes.startNotifications, new Map(), { params: { editionId }, caller: ORGANISER }), context);
    if (res.statusCode !== 202) throw new BenchFailure(`POST /editions/${editionId}/notifications answered ${res.statusCode} ${res.body}`);
    const { runId } = JSON.parse(res.body) as { runId: string };
    await executionStarted(flows, runId).catch((err: Error) => Promise.reject(new BenchFailure(err.message)));
    return runId;
  };
  /** Waits for every execution to end, at most `ms`. */
  const idle = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new BenchFailure(`the workflow had not ended after ${(ms / 1000).toFixed(0)} s`)), ms)));
    try {
      await Promise.race([flows.idle(), late]);
    } finally {
      clearTimeout(timer);
    }
  };
  /** Generous: ten times the time the sends need at R, and two minutes more. */
  const limitMs = (n: number) => 120_000 + (10 * n * 1000) / rate;

  // ---------- warm-up: one page of recipients on another edition, not measured ----------
  const pageSize = pageSizeFor(rate);
  const warmupCases = Math.min(pageSize, cases);
  const warm = await seed(WARMUP_EDITION, warmupCases, 'warm-up');
  progress(`warm-up: ${warmupCases} recipients on ${WARMUP_EDITION}`);
  const warmRun = await startRun(WARMUP_EDITION);
  await idle(limitMs(warmupCases));
  if (flows.executions.get(warmRun)?.status !== 'SUCCEEDED') throw new BenchFailure(`the warm-up run ${warmRun} ended ${flows.executions.get(warmRun)?.status}`);
  if (ses.accepted.length !== warm.seeded.length) throw new BenchFailure(`the warm-up run sent ${ses.accepted.length} notices for ${warm.seeded.length} recipients`);

  const seedStart = performance.now();
  const { seeded, records } = await seed(EDITION, cases, 'owner');
  const seedMs = performance.now() - seedStart;
  progress(`wrote ${cases} selected cases in ${(seedMs / 1000).toFixed(1)} s`);

  // A quiet moment: the stand-in's bucket fills up again, as for a run that starts from rest, and its idle
  // connections are gone (QUIET_MS).
  await sleep(QUIET_MS);
  ses.accepted.length = 0;
  ses.attempts.clear();

  // ---------- the run ----------
  progress(`run: ${cases} recipients at R = ${rate}/s (about ${Math.ceil(cases / rate)} s)`);
  const loadBefore = os.loadavg()[0]!;
  const t0 = Date.now();
  const runId = await startRun(EDITION);
  await idle(limitMs(cases));
  const toIdleMs = Date.now() - t0;
  const loadAfter = os.loadavg()[0]!;
  const execution = flows.executions.get(runId);
  if (!execution) throw new BenchFailure(`no execution named ${runId} was started`);
  const notices = ses.accepted.filter((m) => SELECTION.test(m.subject));
  const attempts = [...ses.attempts].filter(([key]) => SELECTION.test(key.slice(key.indexOf(' ') + 1))).reduce((n, [, a]) => n + a, 0);
  progress(`run: ${notices.length} notices accepted, execution ${execution.status} after ${(toIdleMs / 1000).toFixed(1)} s`);

  // Every notice to the owner of a seeded case, about that case (its tags), with its decision's subject.
  const byCase = new Map(seeded.map((c) => [c.caseId, c]));
  const edition = editionOf(EDITION);
  let mismatched = 0;
  const perAddress = new Map<string, number>();
  for (const m of notices) {
    const c = byCase.get(m.tags.caseId ?? '');
    const subject = c && selectionNotice('en', records.get(c.caseId)!, edition).subject;
    if (!c || m.to[0] !== c.email || m.to.length !== 1 || m.subject !== subject || m.tags.runId !== runId) mismatched++;
    perAddress.set(m.to[0] ?? '', (perAddress.get(m.to[0] ?? '') ?? 0) + 1);
  }
  const duplicates = [...perAddress.values()].filter((n) => n > 1);

  // The recipients as the table holds them (consistent reads, every page).
  const recipients = new Map<string, Item>();
  let start2: Item | undefined;
  do {
    const out = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :rcpt)',
        ExpressionAttributeValues: { ':pk': keys.editionPartition(EDITION), ':rcpt': keys.recipientPrefix },
        ConsistentRead: true,
        ExclusiveStartKey: start2,
      }),
    );
    for (const i of out.Items ?? []) recipients.set(String(i.caseId), i);
    start2 = out.LastEvaluatedKey;
  } while (start2);
  const byStatus: Record<string, number> = {};
  for (const r of recipients.values()) byStatus[String(r.status)] = (byStatus[String(r.status)] ?? 0) + 1;
  const claims = [...recipients.values()].reduce((n, r) => n + Number(r.attempts ?? 0), 0);
  const noticed = new Set(notices.map((m) => m.tags.caseId));
  const lost = seeded.filter((c) => !noticed.has(c.caseId) || recipients.get(c.caseId)?.status !== 'sent');

  // The run as the organisers see it.
  const listed = await list(eventFor(routes.listNotifications, new Map(), { params: { editionId: EDITION }, caller: ORGANISER }), lambdaContext('listNotifications'));
  if (listed.statusCode !== 200) throw new BenchFailure(`GET /editions/${EDITION}/notifications answered ${listed.statusCode} ${listed.body}`);
  const listedRun = (JSON.parse(listed.body) as { runs: { runId: string; status: string; counts: Record<string, number> }[] }).runs.find((x) => x.runId === runId);
  if (!listedRun) throw new BenchFailure(`GET /editions/${EDITION}/notifications does not list the run ${runId}`);

  const workflow = sending(notices, attempts, t0);
  // The pages' sends do not overlap (the Map ends before the next Page): in order of acceptance, page k is
  // messages k × pageSize to (k + 1) × pageSize − 1.
  const times = notices.map((m) => m.acceptedAt - t0).sort((a, b) => a - b);
  const pages = Array.from({ length: Math.ceil(times.length / pageSize) }, (_, k) => ({ firstMs: times[k * pageSize]!, lastMs: times[Math.min(times.length, (k + 1) * pageSize) - 1]! }));

  // ---------- the baseline: the same client, the same notices, a loop paced at R ----------
  await sleep(QUIET_MS);
  ses.accepted.length = 0;
  ses.attempts.clear();
  progress(`baseline: ${cases} notices from a loop paced at ${rate}/s`);
  let baseThrottles = 0;
  const b0 = Date.now();
  const p0 = performance.now();
  const sends: Promise<void>[] = [];
  for (let i = 0; i < seeded.length; i++) {
    await sleep(p0 + (i * 1000) / rate - performance.now());
    const c = seeded[i]!;
    const message = selectionNotice('en', records.get(c.caseId)!, edition);
    sends.push(
      (async () => {
        for (;;) {
          try {
            await mailer.send(message, { editionId: EDITION, caseId: c.caseId, runId: 'baseline' });
            return;
          } catch (err) {
            if ((err as { name?: string }).name !== 'Throttling') throw err;
            baseThrottles++;
            await sleep(1000 / rate);
          }
        }
      })(),
    );
  }
  await Promise.all(sends);
  const baseAttempts = [...ses.attempts.values()].reduce((n, a) => n + a, 0);
  const baseline = sending([...ses.accepted], baseAttempts, b0);
  if (baseline.accepted !== cases || baseAttempts - baseline.accepted !== baseThrottles) {
    throw new BenchFailure(`the baseline got ${baseline.accepted} of ${cases} notices accepted (${baseAttempts} attempts, ${baseThrottles} throttled)`);
  }

  const failures: string[] = [];
  if (execution.status !== 'SUCCEEDED') failures.push(`the execution ended ${execution.status}${execution.error ? `: ${execution.error}` : ''}`);
  if (duplicates.length) failures.push(`${duplicates.length} addresses got more than one notice (${duplicates.reduce((n, d) => n + d - 1, 0)} extra)`);
  if (lost.length) failures.push(`${lost.length} selected owners got no notice or are not recorded sent (e.g. ${lost.slice(0, 3).map((c) => { const r = recipients.get(c.caseId); return `${c.caseId}: ${r ? `${String(r.status)}${r.lastError ? ` (${String(r.lastError)})` : ''}` : 'no recipient'}`; }).join('; ')})`);
  if (mismatched) failures.push(`${mismatched} notices do not match their case (address, subject or run)`);
  if (listedRun.status !== 'succeeded' || listedRun.counts.total !== cases || listedRun.counts.sent !== cases) {
    failures.push(`the run is listed ${listedRun.status} with counts ${JSON.stringify(listedRun.counts)}, not succeeded with ${cases} sent`);
  }

  return {
    dynamoLocal: dynamoLocalVersion(),
    cases,
    outstanding: seeded.filter((c) => c.decision === 'outstanding').length,
    rate,
    stackMaxRate: STACK_MAX_RATE,
    paceMs: PACE_MS,
    pageSize,
    warmupCases,
    seedMs,
    runId,
    workflow: {
      ...workflow,
      toIdleMs,
      executionStatus: execution.status,
      duplicateAddresses: duplicates.length,
      duplicateNotices: duplicates.reduce((n, d) => n + d - 1, 0),
      lost: lost.length,
      mismatched,
      recipients: byStatus,
      claims,
      pages,
    },
    listed: { status: listedRun.status, counts: listedRun.counts },
    load: { before: loadBefore, after: loadAfter, cores: os.cpus().length },
    baseline,
    failures,
    verified:
      `Checked: the start answered 202 and the execution SUCCEEDED; each of the ${cases} selected owners got exactly one notice, to their own address, with` +
      ` their decision's subject and the case and run in its tags, and is recorded sent; the run is listed succeeded with ${cases} sent; the baseline got all` +
      ` ${cases} accepted.`,
  };
}

/** Messages accepted (in any order) and when, from `from` (ms since the epoch). */
function sending(ms: SesMessage[], attempts: number, from: number): Sending {
  const at = ms.map((m) => m.acceptedAt);
  const first = Math.min(...at);
  const last = Math.max(...at);
  return { accepted: ms.length, attempts, toLastMs: last - from, spanMs: last - first, slopeRate: slope(at) };
}

/**
 * Messages a second as the least-squares slope of the count of accepted messages over time: the i-th (in order)
 * against its acceptedAt. A sender that sends R at once every second and one that sends one every 1/R s both
 * read R; accepted / (last − first) reads R × W / (W − 1) for the first, W being the waves.
 */
function slope(at: number[]): number {
  const t = [...at].sort((a, b) => a - b);
  const n = t.length;
  if (n < 2) return Number.NaN;
  const meanT = t.reduce((a, x) => a + x, 0) / n;
  const meanI = (n - 1) / 2;
  let cov = 0;
  let varT = 0;
  t.forEach((x, i) => {
    cov += (x - meanT) * (i - meanI);
    varT += (x - meanT) ** 2;
  });
  return varT > 0 ? (cov / varT) * 1000 : Number.NaN;
}

// ---------- main (last: the helpers above are initialised by now) ----------

let dynamo: DynamoLocal | undefined;
let ses: FakeSes | undefined;
let flows: LocalStepFunctions | undefined;
let runs: StreamPoller | undefined;
let failed = false;
try {
  dynamo = await startDynamoLocal();
  await ensureTable(dynamo.endpoint, TABLE);
  ses = await startFakeSes({ ratePerSecond: rate });
  process.env.POWERTOOLS_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'SILENT';
  setLocalEnv(dynamo.endpoint, TABLE);
  // The production mailer with SES's real client, pointed at the stand-in; the Map's concurrency is R.
  Object.assign(process.env, {
    MAIL_TRANSPORT: 'ses',
    SES_SENDER: 'Practice Cases <no-reply@practice-cases.dev>',
    SES_CONFIGURATION_SET: 'practice-cases-bench',
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    NOTIFY_PACE_MS: String(PACE_MS),
    LOCAL_SES_RATE: String(rate),
  });
  flows = await startLocalWorkflows((line) => progress(line));
  setLocalWorkflowEnv(flows.endpoint);
  runs = await startRunStream(dynamo.endpoint, TABLE, (line) => progress(line));
  progress(`DynamoDB Local at ${dynamo.endpoint}, table ${TABLE}; SES stand-in at ${ses.endpoint}, ${rate}/s; Step Functions at ${flows.endpoint}`);
  const result = await run(ses, flows);
  if (result.failures.length) failed = true;
  process.stdout.write(`\n${NOTIFY_RESULT_PREFIX}${JSON.stringify(result)}\n`);
} catch (err) {
  failed = true;
  process.stderr.write(`notification benchmark: ${err instanceof BenchFailure ? err.message : ((err as Error).stack ?? String(err))}\n`);
} finally {
  await runs?.stop();
  await flows?.stop();
  await ses?.stop();
  await dynamo?.stop();
}
process.exit(failed ? 1 : 0);
