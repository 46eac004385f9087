/**
 * Warm invocation cost of one function (a route or a worker), run in its own process (as each function runs
 * in its own Lambda environment, so one handler's shapes do not disturb another's inline caches):
 *
 *   node --expose-gc --import tsx test/bench/warm.ts <name> <warmup> <iterations> <rounds> <batch-ms>
 *
 * "full" is the function's real handler (for a route: middy, logger, validation, the use case, the
 * response; for a worker: its whole event loop) with the document client, the S3 client, the SES client and the
 * Step Functions client stubbed by aws-sdk-client-mock. "bare" is a plain async function that sends the same commands, with the same inputs,
 * through the same stubbed clients, makes the same presign calls (which sign locally and send nothing),
 * drains a streamed body as any reader must, and returns a JSON string. Both are timed in batches, rounds
 * interleaved and their order alternated; a batch is `iterations` invocations, or fewer for a slow function
 * so that it lasts about `batch-ms` (at the speed seen in the second half of the warm-up). The last stdout
 * line is the result.
 */
import { registerHooks } from 'node:module';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { APIGatewayProxyResult, Context, CustomMessageTriggerEvent } from 'aws-lambda';
import { ROUTES } from '#shared/routes';
import { WORKERS } from '#shared/workers';
import { MAIL_SHARDS } from '#adapters/table-design';
import {
  cannedItems, COGNITO_CODE_PARAMETER, cognitoSignUpEvent, eventFor, lambdaContext, newMailStreamEventFor, newRunStreamEventFor, NOTIFY_RUN_ID, s3EventFor, sampleBodies, scheduledEventFor, SELECTED_2023, sesDeliveryEventFor,
  stubBucket, stubDirectory, stubMail, stubTable, stubWorkflow, uploadedFile, workflowPayloads,
} from './fixtures.ts';
import { PRESIGNER_PACKAGES, presignSpy, replayPresign, type PresignCall } from './presign-spy.ts';
import { RESULT_PREFIX, type WarmResult } from './warm-result.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;
interface Sendable { send(command: unknown): Promise<unknown> }
type CommandClass = new (input: unknown) => unknown;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const [name, warmupArg, iterationsArg, roundsArg, batchMsArg] = process.argv.slice(2);
const warmup = Number(warmupArg);
const maxIterations = Number(iterationsArg);
const rounds = Number(roundsArg);
const batchMs = Number(batchMsArg);
if (!name || !(warmup > 0) || !(maxIterations > 0) || !(rounds > 0) || !(batchMs > 0)) {
  fail('usage: warm.ts <operationId | worker name> <warmup> <iterations> <rounds> <batch-ms>');
}
for (const v of ['TABLE_NAME', 'BUCKET_NAME', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'POWERTOOLS_LOG_LEVEL']) if (!process.env[v]) fail(`warm.ts: ${v} must be set`);
const gc = (globalThis as { gc?: () => void }).gc ?? fail('warm.ts: run node with --expose-gc');
// sendNotification holds its Map slot for NOTIFY_PACE_MS after a send (1 s by default): a wait, not work.
process.env.NOTIFY_PACE_MS = '0';

const route = ROUTES.find((r) => r.operationId === name);
const worker = WORKERS.find((w) => w.name === name);
const entry = route?.entry ?? worker?.entry ?? fail(`warm.ts: no route or worker ${name}`);

// ---------- stubs ----------

const now = new Date();
const ddbMock = mockClient(DynamoDBDocumentClient);
const s3Mock = mockClient(S3Client);
const sesMock = mockClient(SESClient);
const sfnMock = mockClient(SFNClient);
const cognitoMock = mockClient(CognitoIdentityProviderClient);
const table = stubTable(ddbMock, cannedItems(now));
stubBucket(s3Mock, uploadedFile());
stubMail(sesMock);
stubWorkflow(sfnMock);
stubDirectory(cognitoMock);
const mocks = [ddbMock, s3Mock, sesMock, sfnMock, cognitoMock] as const;

/** Every SDK call since the last reset, all clients, in the order they were made. */
const sdkCalls = () => [...ddbMock.calls(), ...s3Mock.calls(), ...sesMock.calls(), ...sfnMock.calls(), ...cognitoMock.calls()].sort((a, b) => (a.calledBefore(b) ? -1 : b.calledBefore(a) ? 1 : 0));
const sdkCallCount = () => mocks.reduce((n, m) => n + m.send.callCount, 0);
const resetHistory = () => mocks.forEach((m) => m.resetHistory());

// The presigners sign locally and send nothing, so the mocks cannot see them: hand the functions a stand-in
// that forwards to the real one and reports its calls (presign-spy.ts), so bare can replay them.
const FUNCTIONS_URL = pathToFileURL(path.resolve(import.meta.dirname, '../../functions')).href + '/';
const SPY_URL = pathToFileURL(path.join(import.meta.dirname, 'presign-spy.ts')).href;
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (PRESIGNER_PACKAGES.includes(specifier) && context.parentURL?.startsWith(FUNCTIONS_URL)) return { url: SPY_URL, shortCircuit: true };
    return nextResolve(specifier, context);
  },
});

const mod = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../functions', entry)).href)) as { handler?: Handler };
const handler = mod.handler ?? fail(`warm.ts: ${entry} exports no handler`);
const context = lambdaContext(name);

// ---------- what success means ----------

/**
 * What is invoked and what counts as success. A route must answer 2xx. A worker returns nothing: it must
 * not throw, and must have the effect of its success path (see WORKER_SCENARIOS).
 */
interface Subject {
  event: unknown;
  /** Why `result` (one invocation's) is not a success; undefined when it is. */
  check(result: unknown): string | undefined;
  /** Why the batch of `n` invocations since `before` did not all take the success path; undefined when they did. */
  checkBatch(n: number, before: number): string | undefined;
  /** A mark taken before a batch, for checkBatch. */
  mark(): number;
  /** What the report shows for a checked success. */
  outcome(first: unknown): string;
}

const is2xx = (r: APIGatewayProxyResult | undefined) => !!r && r.statusCode >= 200 && r.statusCode < 300;
const readyUpdates = () => table.statusSets.ready ?? 0;
/** Mails recorded as sent (the UpdateCommand that sets their status to 'sent'). */
const sentUpdates = () => table.statusSets.sent ?? 0;
/** Executions started (StartExecution requests); the stub starts every one. */
const executionStarts = () => sfnMock.commandCalls(StartExecutionCommand).length;
const returnsNothing = (r: unknown) => (r === undefined ? undefined : `returned ${JSON.stringify(r)} (a worker returns nothing)`);
/** Updates that set a status, alone or inside a transaction (recordSent and finishRun write theirs in one, recordFailed alone). */
const statusSets = (status: string) => () => (table.statusSets[status] ?? 0) + (table.transactStatusSets[status] ?? 0);
const payloads = workflowPayloads();

/**
 * A workflow task: `check` tells a good result from a bad one; the writes of a batch must have set `status`
 * (when given) once per invocation.
 */
function workflowTask(event: unknown, check: (r: unknown) => string | undefined, outcome: string, status?: string): Subject {
  const count = status ? statusSets(status) : () => 0;
  return {
    event,
    check,
    checkBatch: (n, before) => {
      const seen = count() - before;
      return !status || seen === n ? undefined : `recorded ${seen} of ${n} recipients or runs ${status}`;
    },
    mark: count,
    outcome: () => outcome,
  };
}

/**
 * Per worker: the event its trigger sends and what its success is. A new worker needs an entry here; the
 * bench says so when one is missing.
 */
const WORKER_SCENARIOS: Record<string, () => Subject> = {
  /** The pending attachment's file has just landed in quarantine/; success is the attachment marked ready. */
  verifyUpload: () => {
    const event = s3EventFor(now);
    const records = event.Records.length;
    return {
      event,
      check: returnsNothing,
      checkBatch: (n, before) => {
        const seen = readyUpdates() - before;
        return seen === n * records ? undefined : `marked ${seen} of ${n * records} uploads ready: the verification did not take its success path`;
      },
      mark: readyUpdates,
      outcome: () => 'ready',
    };
  },
  /** The schedule's tick; edition 2023 is past its deadline and not closed yet: success is closing it. */
  closeDueEditions: () => ({
    event: scheduledEventFor(now, 'closeDueEditions'),
    check: (r) => ((r as { closed?: string[] } | undefined)?.closed?.includes('2023') ? undefined : `returned ${JSON.stringify(r)}, not { closed: ['2023'] }`),
    checkBatch: () => undefined,
    mark: () => 0,
    outcome: () => 'closed',
  }),
  /** The schedule's tick; one confirmation is due in each queue shard: success is sending every one and recording it sent. */
  retryMail: () => ({
    event: scheduledEventFor(now, 'retryMail'),
    check: (r) => ((r as { sent?: number } | undefined)?.sent === MAIL_SHARDS ? undefined : `returned ${JSON.stringify(r)}, not ${MAIL_SHARDS} sent`),
    checkBatch: (n, before) => {
      const seen = sentUpdates() - before;
      return seen === n * MAIL_SHARDS ? undefined : `recorded ${seen} of ${n * MAIL_SHARDS} mails sent`;
    },
    mark: sentUpdates,
    outcome: () => 'sent',
  }),
  /** The stream's INSERTs of one due confirmation in each queue shard: success is sending every one and recording it sent, no record failed. */
  sendNewMail: () => ({
    event: newMailStreamEventFor(now),
    check: (r) => {
      const failures = (r as { batchItemFailures?: unknown[] } | undefined)?.batchItemFailures;
      return Array.isArray(failures) && failures.length === 0 ? undefined : `returned ${JSON.stringify(r)}, not { batchItemFailures: [] }`;
    },
    checkBatch: (n, before) => {
      const seen = sentUpdates() - before;
      return seen === n * MAIL_SHARDS ? undefined : `recorded ${seen} of ${n * MAIL_SHARDS} mails sent`;
    },
    mark: sentUpdates,
    outcome: () => 'sent',
  }),
  /** The stream's INSERT of 2023's run, just recorded: success is its execution started, no record failed. */
  startNotificationRun: () => ({
    event: newRunStreamEventFor(now),
    check: (r) => {
      const failures = (r as { batchItemFailures?: unknown[] } | undefined)?.batchItemFailures;
      return Array.isArray(failures) && failures.length === 0 ? undefined : `returned ${JSON.stringify(r)}, not { batchItemFailures: [] }`;
    },
    checkBatch: (n, before) => {
      const seen = executionStarts() - before;
      return seen === n ? undefined : `started ${seen} of ${n} executions`;
    },
    mark: executionStarts,
    outcome: () => 'started',
  }),
  /**
   * The schedule's tick. 2023's run is going and its execution has reported back (its cases are counted), so there is
   * nothing to start: success is the pass over every edition's lock ending with none started, which is every tick but
   * the rare one after a lost start.
   */
  startStalledNotificationRuns: () => ({
    event: scheduledEventFor(now, 'startStalledNotificationRuns'),
    check: (r) => ((r as { started?: string[] } | undefined)?.started?.length === 0 ? undefined : `returned ${JSON.stringify(r)}, not { started: [] }`),
    checkBatch: (_, before) => (executionStarts() === before ? undefined : 'started an execution'),
    mark: executionStarts,
    outcome: () => 'none stalled',
  }),
  /** The run's first page: success is every selected case of 2023 (and no other), in one page. */
  pageSelected: () => {
    const expected = new Set(SELECTED_2023);
    return workflowTask(
      payloads.pageSelected,
      (r) => {
        const page = r as { caseIds?: string[]; nextCursor?: unknown } | undefined;
        const ids = page?.caseIds ?? [];
        const exact = ids.length === expected.size && ids.every((id) => expected.has(id)) && new Set(ids).size === ids.length && page?.nextCursor === null;
        return exact ? undefined : `returned ${JSON.stringify(r)}, not the ${expected.size} selected cases of 2023 in one page`;
      },
      `${expected.size} ids`,
    );
  },
  /** One recipient due again after a throttle: success is the notice sent, and the recipient recorded sent (with the case and the run's count, one transaction). */
  sendNotification: () =>
    workflowTask(payloads.sendNotification, (r) => ((r as { outcome?: string } | undefined)?.outcome === 'sent' ? undefined : `returned ${JSON.stringify(r)}, not sent`), 'sent', 'sent'),
  /** The Catch after SES rejected a notice for good: success is the recipient recorded failed with SES's reason. */
  markNotificationFailed: () =>
    workflowTask(payloads.markNotificationFailed, (r) => ((r as { outcome?: string } | undefined)?.outcome === 'failed' ? undefined : `returned ${JSON.stringify(r)}, not failed`), 'failed', 'failed'),
  /** The run's last state: success is the run recorded succeeded (and the lock freed, same transaction) and returned. */
  finishNotificationRun: () =>
    workflowTask(
      payloads.finishNotificationRun,
      (r) => ((r as { runId?: string } | undefined)?.runId === NOTIFY_RUN_ID ? undefined : `returned ${JSON.stringify(r)}, not the run ${NOTIFY_RUN_ID}`),
      'succeeded',
      'succeeded',
    ),
  /** SES's delivery event for a notice just sent: success is the recipient updated to delivered. */
  trackDelivery: () => ({
    event: sesDeliveryEventFor(now),
    check: (r) => (r === 'applied' ? undefined : `returned ${JSON.stringify(r)}, not applied`),
    checkBatch: (n, before) => {
      const seen = (table.statusSets.delivered ?? 0) - before;
      return seen === n ? undefined : `recorded ${seen} of ${n} recipients delivered`;
    },
    mark: () => table.statusSets.delivered ?? 0,
    outcome: () => 'delivered',
  }),
  /** Cognito's sign-up mail for a user who signed up in Chinese: success is a Chinese subject and a message keeping Cognito's code placeholder. */
  customMessage: () => ({
    event: cognitoSignUpEvent(),
    check: (r) => {
      const response = (r as CustomMessageTriggerEvent | undefined)?.response;
      const written = /\p{Script=Han}/u.test(response?.emailSubject ?? '') && response?.emailMessage?.includes(COGNITO_CODE_PARAMETER);
      return written ? undefined : `returned ${JSON.stringify(r)}, not a Chinese sign-up mail with the code placeholder`;
    },
    checkBatch: () => undefined,
    mark: () => 0,
    outcome: () => 'zh-CN',
  }),
};

// A route's success is its 2xx answer (no route sends anything itself: its mails and runs go through the stream).
const subject: Subject = route
  ? {
      event: eventFor(route, sampleBodies(now)),
      check: (r) => (is2xx(r as APIGatewayProxyResult) ? undefined : `answered ${r ? `${(r as APIGatewayProxyResult).statusCode} ${(r as APIGatewayProxyResult).body}` : String(r)}`),
      checkBatch: () => undefined,
      mark: () => 0,
      outcome: (first) => String((first as APIGatewayProxyResult).statusCode),
    }
  : (WORKER_SCENARIOS[name] ?? fail(`warm.ts: no scenario for the worker ${name}; add its event and success check to WORKER_SCENARIOS in test/bench/warm.ts`))();

async function invoke(): Promise<unknown> {
  try {
    return await handler(subject.event, context);
  } catch (err) {
    fail(`${name}: the handler threw: ${(err as Error).stack ?? String(err)}`);
  }
}

// ---------- one full invocation: check it, and record the calls it makes ----------

resetHistory();
const presigns: { call: PresignCall; afterSends: number }[] = [];
presignSpy.onCall = (call) => presigns.push({ call, afterSends: sdkCallCount() });
const before = subject.mark();
const first = await invoke();
presignSpy.onCall = undefined;
const problem = subject.check(first) ?? subject.checkBatch(1, before);
if (problem) {
  const made = sdkCalls().map((c) => (c.args[0] as unknown as { constructor: CommandClass }).constructor.name.replace(/Command$/, ''));
  fail(`${name}: the first invocation ${problem} (it sent ${made.join('+') || 'nothing'}); the bench measures success paths only`);
}

type Step = { kind: 'send'; client: Sendable; Command: CommandClass; input: unknown } | { kind: 'presign'; call: PresignCall };
const steps: Step[] = [];
const calls = sdkCalls();
for (let i = 0; i <= calls.length; i++) {
  for (const p of presigns) if (p.afterSends === i) steps.push({ kind: 'presign', call: p.call });
  const command = calls[i]?.args[0] as unknown as { constructor: CommandClass; input: unknown } | undefined;
  if (command) steps.push({ kind: 'send', client: calls[i]!.thisValue as Sendable, Command: command.constructor, input: command.input });
}
/** GetObject for a send, presignPost / presignGetObject for a presign (what the URL is for). */
const stepName = (s: Step) =>
  s.kind === 'send'
    ? s.Command.name.replace(/Command$/, '')
    : s.call.fn === 'createPresignedPost'
      ? 'presignPost'
      : `presign${s.call.Command.name.replace(/Command$/, '')}`;
const commands = steps.map(stepName);
const sends = steps.filter((s) => s.kind === 'send').length;

// A presign the spy missed (the resolve hook not applied) would leave bare without it: count the signatures.
const firstBody = route ? String((first as APIGatewayProxyResult).body) : '';
const signatures = (firstBody.match(/X-Amz-Signature/g) ?? []).length;
if (signatures !== presigns.length) fail(`${name}: the response carries ${signatures} signatures but ${presigns.length} presign calls were recorded`);

/** A streamed body must be read by whoever asked for it: drain it (the handler also hashes it). */
async function drained(output: unknown): Promise<unknown> {
  const body = (output as { Body?: unknown } | undefined)?.Body;
  if (!(body instanceof Readable)) return output;
  let bytes = 0;
  for await (const chunk of body) bytes += (chunk as Buffer).length;
  return { ...(output as object), Body: bytes };
}

/** The same calls without the framework and without our code: send (or presign), collect, serialise. */
async function bare(): Promise<string> {
  const outputs: unknown[] = [];
  for (const s of steps) {
    outputs.push(s.kind === 'send' ? await drained(await s.client.send(new s.Command(s.input))) : await replayPresign(s.call));
  }
  return JSON.stringify(outputs);
}

resetHistory();
await bare();
const bareCommands = sdkCalls().map((c) => (c.args[0] as unknown as { constructor: CommandClass }).constructor.name.replace(/Command$/, ''));
const fullSends = steps.flatMap((s) => (s.kind === 'send' ? [stepName(s)] : []));
if (bareCommands.join() !== fullSends.join()) fail(`${name}: bare sent ${bareCommands.join()} but the handler sent ${fullSends.join()}`);

// ---------- warm-up: every full invocation must succeed and send the same commands ----------

resetHistory();
let secondHalf = 0;
for (let i = 0; i < warmup; i++) {
  if (i === warmup >> 1) secondHalf = performance.now();
  const mark = subject.mark();
  const r = await invoke();
  const bad = subject.check(r) ?? subject.checkBatch(1, mark);
  if (bad) fail(`${name}: warm-up invocation ${i} ${bad}`);
  await bare();
}
/** µs of one full or bare invocation, on average, once warm. */
const pairUs = ((performance.now() - secondHalf) * 1000) / (warmup - (warmup >> 1));
const iterations = Math.min(maxIterations, Math.max(Math.min(500, maxIterations), Math.floor((batchMs * 1000) / (pairUs / 2))));
const sent = sdkCallCount();
if (sent !== warmup * 2 * sends) fail(`${name}: expected ${warmup * 2 * sends} SDK calls in warm-up, saw ${sent} (a retry path?)`);

// ---------- measured rounds ----------

async function timeFull(n: number): Promise<number> {
  let bad: string | undefined;
  const mark = subject.mark();
  let t0 = 0;
  let t1 = 0;
  try {
    t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const r = await handler(subject.event, context);
      bad ??= subject.check(r);
    }
    t1 = performance.now();
  } catch (err) {
    fail(`${name}: a measured invocation threw: ${(err as Error).stack ?? String(err)}`);
  }
  bad ??= subject.checkBatch(n, mark);
  if (bad) fail(`${name}: a measured invocation ${bad}`);
  return ((t1 - t0) * 1000) / n;
}

async function timeBare(n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await bare();
  return ((performance.now() - t0) * 1000) / n;
}

const fullUs: number[] = [];
const bareUs: number[] = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['full', 'bare'] : ['bare', 'full'];
  for (const which of order) {
    resetHistory();
    gc();
    if (which === 'full') fullUs.push(await timeFull(iterations));
    else bareUs.push(await timeBare(iterations));
  }
}
mocks.forEach((m) => m.restore());

const result: WarmResult = { name, fullUs, bareUs, iterations, commands, outcome: subject.outcome(first) };
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
