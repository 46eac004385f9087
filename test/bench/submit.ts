/**
 * The submit benchmark (issue 4): POST /cases/{caseId}/submit through its real handler against DynamoDB
 * Local, with a fixed number of requests in flight, next to two baselines timed in the same rounds; and
 * the capacity a submit consumes, as DynamoDB Local reports it. Runs in its own process, because the
 * handlers read their environment (table, endpoint, mail transport) when their modules load:
 *
 *   node --expose-gc --import tsx test/bench/submit.ts <submits> <rounds> <warmup> <warm-up round> <in-flight>
 *
 * Progress goes to stderr; the last stdout line is the result (submit-result.ts). Exit status 1 when a
 * submit answers anything but 200, a case does not end submitted, or a mail is missing from the outbox.
 * Method and how to read it: test/bench/README.md, "Submit".
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { BatchGetCommand, BatchWriteCommand, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynamoLocal, type DynamoLocal } from '../../lib/local/dynamodb.ts';
import { setLocalEnv } from '../../lib/local/environment.ts';
import { EditionInput } from '#domain/edition-input';
import { ulid } from '#domain/ids';
import { keys } from '#adapters/table-design';
import { routes } from '#shared/routes';
import { CASE_FIELDS, EDITION_ID, eventFor, lambdaContext, sampleBodies } from './fixtures.ts';
import { dynamoLocalVersion, itemSize, pool } from './dynamo-local.ts';
import { summariseCommands } from './stats.ts';
import { LOOPS, SUBMIT_RESULT_PREFIX, type CapacityRow, type Loop, type LoopRound, type SubmitResult } from './submit-result.ts';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type Item = Record<string, unknown>;
interface Sent { Command: new (input: never) => unknown; input: Item }

const [submitsArg, roundsArg, warmupArg, warmRoundArg, inFlightArg] = process.argv.slice(2);
const submits = Number(submitsArg);
const rounds = Number(roundsArg);
const warmup = Number(warmupArg);
const warmRound = Number(warmRoundArg);
const inFlight = Number(inFlightArg);
if (!(submits >= inFlight && rounds >= 1 && warmup >= 2 && warmRound >= 0 && inFlight >= 1)) {
  process.stderr.write('usage: submit.ts <submits ≥ in-flight> <rounds ≥ 1> <warmup ≥ 2> <warm-up round ≥ 0> <in-flight ≥ 1>\n');
  process.exit(1);
}

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[submit +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
class BenchFailure extends Error {}
const fail = (message: string): never => {
  throw new BenchFailure(message);
};

const TABLE = 'bench-submit';

// ---------- the run ----------

async function run(): Promise<SubmitResult> {
  // The modules read the environment when they load: only now.
  const { ddb } = await import('#adapters/clients');
  const { handler } = (await import('../../functions/cases/submit-case.ts')) as { handler: Handler };
  const { createEdition } = await import('#adapters/editions-repo');
  const { createCase } = await import('#adapters/cases-repo');
  const { deadlineChecks } = await import('#adapters/transact');
  const { newEdition } = await import('#domain/edition');
  const { newCase } = await import('#domain/case');
  const meter = installMeter(ddb);

  // ---------- data: an open edition, one draft case per request, each with its own owner ----------
  const now = new Date();
  const editionInput = sampleBodies(now).get(EditionInput) as EditionInput;
  if (!(await createEdition(newEdition(EDITION_ID, editionInput, now)))) throw new BenchFailure(`the edition ${EDITION_ID} exists already`);
  interface Draft { caseId: string; sub: string; email: string }
  let drafted = 0;
  const newDraft = (): Draft => ({ caseId: ulid(), sub: randomUUID(), email: `applicant-${String(drafted++).padStart(6, '0')}@example.org` });
  // The first draft through the repository (createCase: the deadline check and the Put, one transaction);
  // the others are copies of the items it stored (the case item and its text item), each with its own case id and
  // owner, written 12 drafts (24 items) a request with BatchWriteItem: DynamoDB Local takes a few ms per
  // transaction, too long for thousands of drafts.
  const first = newDraft();
  const outcome = await createCase(newCase(first.caseId, EDITION_ID, { sub: first.sub, email: first.email, groups: [] }, CASE_FIELDS, 'en', now), deadlineChecks(EDITION_ID, now.toISOString()));
  if (outcome !== 'ok') throw new BenchFailure(`creating a draft answered ${outcome}`);
  const stored = JSON.stringify([await getItem(ddb, keys.case(first.caseId)), await getItem(ddb, keys.caseText(first.caseId))].filter((i) => i !== undefined));
  const copyFor = (d: Draft): Item[] => {
    let json = stored;
    for (const [from, to] of [[first.caseId, d.caseId], [first.sub, d.sub], [first.email, d.email]] as const) json = json.replaceAll(from, to);
    return (JSON.parse(json) as Item[]).map((item) => (item.sk === keys.case(d.caseId).sk ? { ...item, ...keys.caseByEdition(EDITION_ID, d.caseId) } : item));
  };
  const makeDrafts = async (n: number): Promise<Draft[]> => {
    const drafts = Array.from({ length: n }, newDraft);
    const chunks = Array.from({ length: Math.ceil(n / 12) }, (_, i) => drafts.slice(i * 12, i * 12 + 12));
    await pool(chunks, inFlight, async (chunk) => {
      let requests: unknown[] = chunk.flatMap(copyFor).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length; attempt++) {
        if (attempt === 10) throw new BenchFailure('BatchWriteItem left drafts unprocessed after 10 attempts');
        const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests as never } }));
        requests = out.UnprocessedItems?.[TABLE] ?? [];
      }
    });
    return drafts;
  };
  const total = warmup + (warmRound + rounds * submits) * LOOPS.length;
  progress(`creating ${total} draft cases`);
  const warmDrafts = [first, ...(await makeDrafts(warmup - 1))];
  const roundDrafts: Record<Loop, Draft[]>[] = [];
  for (let round = 0; round <= rounds; round++) {
    const sets = {} as Record<Loop, Draft[]>;
    for (const loop of LOOPS) sets[loop] = await makeDrafts(round === 0 ? warmRound : submits);
    roundDrafts.push(sets);
  }
  progress(`created ${total} drafts`);

  const context = lambdaContext('submitCase');
  let non200 = 0;
  let firstBad = '';
  /** The event API Gateway sends when the draft's owner submits it, naming the version it read. */
  const eventOf = (d: Draft) => eventFor(routes.submitCase, new Map(), { params: { caseId: d.caseId }, caller: { sub: d.sub, email: d.email }, version: 1 });
  const submitEvent = async (event: APIGatewayProxyEvent) => {
    const res = await handler(event, context);
    if (res.statusCode !== 200) {
      non200++;
      firstBad ||= `${res.statusCode} ${res.body}`;
    }
  };
  const submit = (d: Draft) => submitEvent(eventOf(d));
  const requireAll200 = (what: string) => {
    if (non200) throw new BenchFailure(`${non200} submits (${what}) answered other than 200; the first: ${firstBad}`);
  };

  // ---------- warm-up, which also measures the capacity and records the template for the baselines ----------
  // The first submit alone: its requests, in order, are what bare replays (with the ids of another case).
  const [template, ...restOfWarmup] = warmDrafts as [Draft, ...Draft[]];
  const sent: Sent[] = [];
  const send = ddb.send.bind(ddb) as (command: unknown) => Promise<unknown>;
  const recorder = ddb as { send?: unknown };
  recorder.send = (command: { constructor: Sent['Command']; input: Item }) => {
    sent.push({ Command: command.constructor, input: structuredClone(command.input) });
    return send(command);
  };
  meter.capacity = true;
  const perSubmit: Call[][] = [];
  const measured = async (d: Draft) => {
    const calls: Call[] = [];
    await meter.als.run(calls, () => submit(d));
    perSubmit.push(calls);
  };
  await measured(template);
  delete recorder.send; // the prototype's again
  requireAll200('the first');
  // The confirmation is queued in the transaction and sent from the table's stream, after the answer: nothing in
  // the outbox yet (no stream poller runs here).
  const mailsInRequest = readdirSync(outbox).length;
  if (!putIn(sent, 'MAIL#')) throw new BenchFailure('the first submit queued no confirmation mail in its transaction');
  await pool(restOfWarmup, inFlight, measured);
  requireAll200('warm-up');
  meter.capacity = false;

  const sequence = (calls: Call[]) => calls.map((c) => c.op).join('+');
  const expected = sequence(perSubmit[0]!);
  const templateOps = sent.map((x) => OPERATIONS[commandName(x.Command)] ?? commandName(x.Command)).join('+');
  if (templateOps !== expected) throw new BenchFailure(`the template's requests ${templateOps} differ from the metered ${expected}`);
  const regular = perSubmit.filter((calls) => sequence(calls) === expected);
  if (regular.length < perSubmit.length / 2) throw new BenchFailure(`most warm-up submits made other requests than ${expected}: ${[...new Set(perSubmit.map(sequence))].join(' | ')}`);
  const capacity = capacityRows(regular);

  // The deadline check alone, in a transaction: what DynamoDB Local charges for the ConditionCheck.
  const txTemplate = sent.find((x) => commandName(x.Command) === 'TransactWrite');
  const check = (txTemplate?.input.TransactItems as Item[] | undefined)?.filter((i) => 'ConditionCheck' in i) ?? [];
  let conditionCheckUnits = 0;
  if (check.length) {
    const out = (await ddb.send(new TransactWriteCommand({ TransactItems: check as never, ReturnConsumedCapacity: 'INDEXES' }))) as { ConsumedCapacity?: unknown };
    conditionCheckUnits = consumed(out.ConsumedCapacity).units;
  }

  // ---------- the baselines: the template's requests with the ids of another case ----------
  const ids = { caseId: template.caseId, sub: template.sub, email: template.email, mailId: mailIdOf(sent) };
  const replay = (d: Draft): Sent[] => {
    const mailId = ulid();
    let json = JSON.stringify(sent.map((x) => x.input));
    for (const [from, to] of [[ids.caseId, d.caseId], [ids.sub, d.sub], [ids.email, d.email], [ids.mailId, mailId]] as const) json = json.replaceAll(from, to);
    const inputs = JSON.parse(json) as Item[];
    inputs.forEach(fixShardKeys);
    return inputs.map((input, i) => ({ Command: sent[i]!.Command, input }));
  };
  const runAll = async (requests: Sent[]) => {
    for (const x of requests) {
      if (commandName(x.Command) === 'TransactWrite') await transactRetrying(ddb, x);
      else await ddb.send(new x.Command(x.input as never) as never);
    }
  };
  const transactionOf = (requests: Sent[]) =>
    requests.find((x) => commandName(x.Command) === 'TransactWrite') ?? fail('the submit sent no TransactWriteItems');
  /** What a loop does for each draft, prepared before it is timed (events built, ids replaced). */
  const jobsFor = (loop: Loop, drafts: Draft[]): (() => Promise<void>)[] =>
    drafts.map((d) => {
      if (loop === 'submit') {
        const event = eventOf(d);
        return () => submitEvent(event);
      }
      const requests = replay(d);
      if (loop === 'bareCalls') return () => runAll(requests);
      const tx = transactionOf(requests);
      return () => transactRetrying(ddb, tx);
    });
  // Both baselines once, checked, before timing them; and one draft left as it is, to weigh.
  const [probeAll, probeTx, unsubmitted] = (await makeDrafts(3)) as [Draft, Draft, Draft];
  const probe = [probeAll, probeTx];
  await runAll(replay(probeAll));
  // The replay wrote the probe's own shard keys (derived from its id by hashing), not the template's.
  const replayed = (await getItem(ddb, keys.case(probeAll.caseId))) ?? {};
  const own = { ...keys.caseByEdition(EDITION_ID, probeAll.caseId), ...keys.caseRankPartition(EDITION_ID, probeAll.caseId) };
  for (const [k, v] of Object.entries(own)) {
    if (replayed[k] !== v) throw new BenchFailure(`the replayed submit wrote ${k} = ${String(replayed[k])} on case ${probeAll.caseId}, not its own ${v}`);
  }
  await transactRetrying(ddb, transactionOf(replay(probeTx)));
  const jobs = roundDrafts.map((sets) => Object.fromEntries(LOOPS.map((loop) => [loop, jobsFor(loop, sets[loop])])) as Record<Loop, (() => Promise<void>)[]>);

  // ---------- rounds: round 0 (warmRound requests a loop) warms DynamoDB Local's JVM up, 1..rounds are measured ----------
  const loops: Record<Loop, LoopRound[]> = { submit: [], bareCalls: [], bareTx: [] };
  const conflicts: Record<Loop, number> = { submit: 0, bareCalls: 0, bareTx: 0 };
  let handlerCalls = 0;
  for (let round = warmRound > 0 ? 0 : 1; round <= rounds; round++) {
    const order = LOOPS.map((_, i) => LOOPS[(i + round) % LOOPS.length]!);
    for (const loop of order) {
      gc?.();
      const [c0, n0] = [meter.conflicts, meter.calls];
      const { rate, latencies } = await pool(jobs[round]![loop], inFlight, (job) => job());
      progress(`${round === 0 ? 'warm-up round' : `round ${round}/${rounds}`}: ${loop} ${rate.toFixed(0)} req/s`);
      if (round === 0) continue;
      conflicts[loop] += meter.conflicts - c0; // the loops run one at a time, and all through `ddb`
      if (loop === 'submit') handlerCalls += meter.calls - n0;
      loops[loop].push({ n: submits, rate, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) });
    }
  }
  requireAll200('measured');

  // ---------- verification: every case submitted, with its confirmation queued ----------
  const allCases = [...warmDrafts, ...probe, ...roundDrafts.flatMap((r) => LOOPS.flatMap((l) => r[l]))].map((d) => d.caseId);
  const status = await statuses(ddb, allCases);
  const notSubmitted = allCases.filter((id) => status.get(id)?.status !== 'submitted');
  if (notSubmitted.length) throw new BenchFailure(`${notSubmitted.length} of ${allCases.length} cases did not end submitted, e.g. ${notSubmitted[0]} (${status.get(notSubmitted[0]!)?.status ?? 'missing'})`);
  const mailIds = allCases.map((id) => status.get(id)?.mailId ?? fail(`case ${id} names no queued confirmation`));
  const pending = await pendingMails(ddb, mailIds);
  if (pending !== mailIds.length) throw new BenchFailure(`${mailIds.length - pending} of ${mailIds.length} confirmations named by their cases are not queued as pending mails`);
  const expectedMails = mailIds.length;

  return {
    inFlight,
    submits,
    rounds,
    warmup,
    dynamoLocal: dynamoLocalVersion(),
    calls: summariseCommands(sent.map((x) => commandName(x.Command))),
    loops,
    conflicts,
    capacitySubmits: regular.length,
    capacity,
    conditionCheckUnits,
    mailsInRequest,
    sizes: {
      edition: itemSize(await getItem(ddb, keys.edition(EDITION_ID))),
      draft: itemSize(await getItem(ddb, keys.case(unsubmitted.caseId))),
      submitted: itemSize(await getItem(ddb, keys.case(template.caseId))),
      text: itemSize(await getItem(ddb, keys.caseText(template.caseId))),
      mail: itemSize(putIn(sent, 'MAIL#')),
    },
    verified:
      `Checked: every submit answered 200 (${warmup + warmRound + rounds * submits} submits; in the measured rounds ${(handlerCalls / (rounds * submits)).toFixed(2)} requests a submit, ` +
      `${expected.split('+').length} without retries), every one of the ${allCases.length} cases ` +
      `(the baselines' too) ends submitted, and each names its confirmation, all ${expectedMails} queued as pending mails for the stream's mail function.`,
  };
}

// ---------- the meter: a middleware on the handlers' document client ----------

interface Call {
  op: string;
  target: string;
  units: number;
  table: number;
  indexes: Record<string, number>;
}

function installMeter(ddb: DynamoDBDocumentClient) {
  const meter = { capacity: false, conflicts: 0, calls: 0, als: new AsyncLocalStorage<Call[]>() };
  ddb.middlewareStack.add(
    (next, context) => async (args) => {
      meter.calls++;
      const input = args.input as Item;
      const calls = meter.als.getStore();
      if (meter.capacity) input.ReturnConsumedCapacity = 'INDEXES';
      try {
        const result = await next(args);
        if (calls) {
          const op = String(context.commandName ?? '').replace(/Command$/, '');
          calls.push({ op, target: describe(op, input), ...consumed((result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity) });
        }
        return result;
      } catch (err) {
        if (isConflict(err)) meter.conflicts++;
        throw err;
      }
    },
    { step: 'initialize', name: 'benchSubmitMeter', override: true },
  );
  return meter;
}

const isConflict = (err: unknown) =>
  (err as { name?: string }).name === 'TransactionCanceledException' &&
  ((err as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');

/** ConsumedCapacity (an object, or an array for batch and transaction requests) summed: total, table, per index. */
function consumed(raw: unknown): { units: number; table: number; indexes: Record<string, number> } {
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as { CapacityUnits?: number; Table?: { CapacityUnits?: number }; GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }> }[];
  const sum = { units: 0, table: 0, indexes: {} as Record<string, number> };
  for (const c of list) {
    sum.units += c.CapacityUnits ?? 0;
    sum.table += c.Table?.CapacityUnits ?? 0;
    for (const [name, v] of Object.entries(c.GlobalSecondaryIndexes ?? {})) sum.indexes[name] = (sum.indexes[name] ?? 0) + (v.CapacityUnits ?? 0);
  }
  return sum;
}

/** A string attribute whether the input is still native or already marshalled ({ S: ... }). */
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof (v as { S?: unknown })?.S === 'string' ? (v as { S: string }).S : '');
/** What a key names: the sort key's prefix (CASE, EDITION, EXT, MAIL...). */
const kindOf = (key: unknown) => str((key as Item | undefined)?.sk).split('#')[0] || '?';

/** What a request touches, from its input. */
function describe(op: string, input: Item): string {
  switch (op) {
    case 'GetItem':
    case 'DeleteItem':
      return kindOf(input.Key);
    case 'UpdateItem':
      return `${kindOf(input.Key)} (${updatedAttributes(input)})`;
    case 'PutItem':
      return kindOf(input.Item);
    case 'BatchGetItem':
      return Object.values((input.RequestItems ?? {}) as Record<string, { Keys?: unknown[] }>).flatMap((r) => (r.Keys ?? []).map(kindOf)).join(' + ');
    case 'Query': {
      const values = (input.ExpressionAttributeValues ?? {}) as Item;
      const partition = str(values[':pk']).split('#')[0];
      const prefix = Object.entries(values).find(([k]) => k !== ':pk')?.[1];
      return `${input.IndexName ? `${str(input.IndexName)}: ` : ''}${partition}${prefix ? ` / ${str(prefix)}…` : ''}`;
    }
    case 'TransactWriteItems':
      return ((input.TransactItems ?? []) as Item[])
        .map((i) => {
          const [action, body] = Object.entries(i)[0] as [string, Item];
          return `${action} ${kindOf(body.Key ?? body.Item)}`;
        })
        .join(' + ');
    default:
      return '';
  }
}

/** `SET a, b REMOVE c` of an update expression, with the #names resolved: which attributes it changes. */
function updatedAttributes(input: Item): string {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  return str(input.UpdateExpression)
    .replace(/#\w+/g, (n) => names[n] ?? n)
    .split(/\s+(?=(?:SET|REMOVE|ADD|DELETE)\s)/)
    .map((clause) => {
      const [verb, ...rest] = clause.trim().split(/\s+/);
      const attrs = rest.join(' ').split(',').map((part) => part.trim().split(/[\s=]/)[0]).filter(Boolean);
      return `${verb} ${attrs.join(' ')}`;
    })
    .join('; ');
}

/** Per position in the submit's sequence of requests: the mean capacity over the submits. */
function capacityRows(perSubmit: Call[][]): CapacityRow[] {
  const n = perSubmit.length;
  return perSubmit[0]!.map((first, i) => {
    const at = perSubmit.map((calls) => calls[i]!);
    const indexes: Record<string, number> = {};
    for (const c of at) for (const [k, v] of Object.entries(c.indexes)) indexes[k] = (indexes[k] ?? 0) + v / n;
    return {
      op: first.op,
      target: first.target,
      kind: first.op === 'TransactWriteItems' ? 'transaction' : ['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems'].includes(first.op) ? 'read' : 'write',
      units: at.reduce((a, c) => a + c.units, 0) / n,
      table: at.reduce((a, c) => a + c.table, 0) / n,
      indexes,
    };
  });
}

/** The document client's commands (GetCommand...) by the API operation they send (GetItem...). */
const OPERATIONS: Record<string, string> = {
  Get: 'GetItem', Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', BatchGet: 'BatchGetItem', BatchWrite: 'BatchWriteItem',
  Query: 'Query', Scan: 'Scan', TransactWrite: 'TransactWriteItems', TransactGet: 'TransactGetItems',
};

const commandName = (C: { name: string }) => C.name.replace(/Command$/, '');

// ---------- the baselines ----------

/** Sends a transaction, retrying a TransactionConflict the way transact.ts does (full-jitter backoff, 5 attempts). */
async function transactRetrying(ddb: DynamoDBDocumentClient, x: Sent): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb.send(new x.Command(x.input as never) as never);
      return;
    } catch (err) {
      if (!isConflict(err) || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 25 * 2 ** attempt)));
    }
  }
}

/** The mail id of the template: the Put of a MAIL item in its transaction. */
function mailIdOf(sent: Sent[]): string {
  for (const x of sent) {
    for (const i of (x.input.TransactItems ?? []) as Item[]) {
      const item = (i.Put as Item | undefined)?.Item as Item | undefined;
      if (item && str(item.pk).startsWith('MAIL#')) return str(item.mailId) || str(item.pk).slice('MAIL#'.length);
    }
  }
  throw new BenchFailure('the submit wrote no mail record in its transaction');
}

/**
 * Index keys derived from an id by hashing (the edition and ranking shards of a case, the queue shard of a
 * mail): recomputed for the new ids, in a Put's item and in the SET of an Update (the case's, cases-repo.ts).
 */
function fixShardKeys(input: Item): void {
  for (const i of (input.TransactItems ?? []) as Item[]) {
    const item = (i.Put as Item | undefined)?.Item as Item | undefined;
    if (item) {
      if (typeof item.gsi2pk === 'string' && typeof item.caseId === 'string' && typeof item.editionId === 'string') {
        Object.assign(item, keys.caseByEdition(item.editionId, item.caseId), typeof item.gsi3pk === 'string' ? keys.caseRankPartition(item.editionId, item.caseId) : {});
      }
      if (item.type === 'mail' && typeof item.mailId === 'string' && typeof item.nextAttemptAt === 'string' && typeof item.gsi1pk === 'string') {
        Object.assign(item, keys.mailQueue(item.mailId, item.nextAttemptAt));
      }
    }
    const update = i.Update as Item | undefined;
    const caseId = str((update?.Key as Item | undefined)?.pk).startsWith('CASE#') ? str((update?.Key as Item).pk).slice('CASE#'.length) : '';
    if (!update || !caseId) continue;
    const names = (update.ExpressionAttributeNames ?? {}) as Record<string, string>;
    const values = (update.ExpressionAttributeValues ?? {}) as Item;
    /** The value placeholder SET assigns to the attribute `attr` (`#a3 = :a3`). */
    const valueOf = (attr: string) => {
      const name = Object.entries(names).find(([, v]) => v === attr)?.[0];
      return name ? new RegExp(`${name}\\s*=\\s*(:\\w+)`).exec(str(update.UpdateExpression))?.[1] : undefined;
    };
    const editionAt = valueOf('editionId');
    const editionId = editionAt ? str(values[editionAt]) : '';
    if (!editionId) continue;
    const derived: Record<string, string> = { ...keys.caseByEdition(editionId, caseId), ...keys.caseRankPartition(editionId, caseId) };
    for (const attr of ['gsi2pk', 'gsi3pk']) {
      const at = valueOf(attr);
      if (at) values[at] = derived[attr];
    }
  }
}

// ---------- helpers ----------

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Items by key, by BatchGetItem (100 keys a request), with the attributes `projection` names. */
async function batchRead(ddb: DynamoDBDocumentClient, itemKeys: Item[], projection: string[]): Promise<Item[]> {
  const TableName = process.env.TABLE_NAME!;
  const names = Object.fromEntries(projection.map((a, i) => [`#p${i}`, a]));
  const found: Item[] = [];
  for (let i = 0; i < itemKeys.length; i += 100) {
    let pending: Item[] = itemKeys.slice(i, i + 100);
    for (let attempt = 0; pending.length && attempt < 10; attempt++) {
      const out = await ddb.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending, ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } } }));
      found.push(...(out.Responses?.[TableName] ?? []));
      pending = (out.UnprocessedKeys?.[TableName]?.Keys ?? []) as Item[];
    }
  }
  return found;
}

/** The status of each case and the mail id of its queued confirmation. */
async function statuses(ddb: DynamoDBDocumentClient, caseIds: string[]): Promise<Map<string, { status: string; mailId?: string }>> {
  const items = await batchRead(ddb, caseIds.map((id) => keys.case(id)), ['caseId', 'status', 'confirmation']);
  return new Map(items.map((i) => [String(i.caseId), { status: String(i.status), mailId: (i.confirmation as { mailId?: string } | undefined)?.mailId }]));
}

/** How many of these mails are recorded and pending. */
async function pendingMails(ddb: DynamoDBDocumentClient, mailIds: string[]): Promise<number> {
  return (await batchRead(ddb, mailIds.map((id) => keys.mail(id)), ['mailId', 'status'])).filter((i) => i.status === 'pending').length;
}

async function getItem(ddb: DynamoDBDocumentClient, key: Item): Promise<Item | undefined> {
  return (await ddb.send(new GetCommand({ TableName: process.env.TABLE_NAME!, Key: key }))).Item;
}

/** The item a transaction of the template Puts under a partition key starting with `prefix`. */
function putIn(sent: Sent[], prefix: string): Item | undefined {
  for (const x of sent) {
    for (const i of (x.input.TransactItems ?? []) as Item[]) {
      const item = (i.Put as Item | undefined)?.Item as Item | undefined;
      if (item && str(item.pk).startsWith(prefix)) return item;
    }
  }
  return undefined;
}

// ---------- main (last: the helpers above are initialised by now) ----------

const outbox = mkdtempSync(path.join(os.tmpdir(), 'bench-outbox-'));
let dynamo: DynamoLocal | undefined;
let failed = false;
try {
  dynamo = await startDynamoLocal();
  await ensureTable(dynamo.endpoint, TABLE);
  process.env.POWERTOOLS_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'SILENT';
  setLocalEnv(dynamo.endpoint, TABLE, undefined, undefined, outbox);
  progress(`DynamoDB Local at ${dynamo.endpoint}, table ${TABLE}, outbox ${outbox}`);
  const result = await run();
  process.stdout.write(`\n${SUBMIT_RESULT_PREFIX}${JSON.stringify(result)}\n`);
} catch (err) {
  failed = true;
  process.stderr.write(`submit benchmark: ${err instanceof BenchFailure ? err.message : ((err as Error).stack ?? String(err))}\n`);
} finally {
  await dynamo?.stop();
  rmSync(outbox, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
