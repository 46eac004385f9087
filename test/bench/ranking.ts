/**
 * The ranking benchmark (issue 5): the time to page through an edition of 5,000 submitted cases sorted by
 * score, and the read capacity consumed, against DynamoDB Local. GET /editions/{editionId}/cases?sort=score
 * through its real handler, page after page, next to a baseline timed in the same rounds (the same items read
 * by plain Queries, shard after shard, without the merge), and one filtered pass. Runs in its own process,
 * because the handlers read their environment (table, endpoint) when their modules load:
 *
 *   node --expose-gc --import tsx test/bench/ranking.ts <cases> <rounds>
 *
 * Progress goes to stderr; the last stdout line is the result (ranking-result.ts). Exit status 1 when a page
 * answers anything but 200, or a pass does not list every case exactly once in score order.
 * Method and how to read it: test/bench/README.md, "Ranking".
 */
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynamoLocal, type DynamoLocal } from '../../lib/local/dynamodb.ts';
import { setLocalEnv } from '../../lib/local/environment.ts';
import type { CaseRecord } from '#domain/case';
import type { EditionInput } from '#domain/edition-input';
import { ulid } from '#domain/ids';
import { newEdition, SCHEDULE } from '#domain/edition';
import { aggregateOf, type ReviewAggregate, type Scores } from '#domain/review';
import { CATEGORY_IDS, CRITERIA, RECOMMENDATIONS, type Recommendation } from '#domain/vocabulary';
import { CASE_LISTING_ATTRIBUTES, EDITION_SHARDS, INDEXES, keys, TABLE_KEYS } from '#adapters/table-design';
import { routes } from '#shared/routes';
import { CASE_FIELDS, eventFor, lambdaContext } from './fixtures.ts';
import { dynamoLocalVersion, itemSize, pool } from './dynamo-local.ts';
import { RANKING_RESULT_PREFIX, type Pass, type RankingResult } from './ranking-result.ts';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
type Item = Record<string, unknown>;

const [casesArg, roundsArg] = process.argv.slice(2);
const cases = Number(casesArg);
const rounds = Number(roundsArg);
if (!(Number.isInteger(cases) && cases >= 200 && Number.isInteger(rounds) && rounds >= 1)) {
  process.stderr.write('usage: ranking.ts <cases ≥ 200> <rounds ≥ 1>\n');
  process.exit(1);
}

const started = performance.now();
const progress = (msg: string) => process.stderr.write(`[ranking +${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);
class BenchFailure extends Error {}

const TABLE = 'bench-ranking';
const EDITION = '2025';
/** The API's largest page. */
const LIMIT = 100;
/** Unreported rounds first: DynamoDB Local (a JVM) is still getting faster over the first few thousand Queries. */
const WARM_ROUNDS = 2;
/** The filtered pass: one of the five categories (the seeded cases take them in turn). */
const FILTER_CATEGORY = CATEGORY_IDS[3]!;
const ORGANISER = { sub: '5a7c9e1b-3d5f-4b6a-8c0e-2f4a6c8e0b1d', email: 'secretariat@example.org' };
const DAY = 86_400_000;

/** A small seeded generator (mulberry32), so that every run seeds the same aggregates. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------- the meter: a middleware on the handlers' document client ----------

interface Tally {
  queries: number;
  queryUnits: number;
  scanned: number;
  fetched: number;
  otherUnits: number;
  /** Reads whose output carried no ConsumedCapacity. */
  unmetered: number;
}
const newTally = (): Tally => ({ queries: 0, queryUnits: 0, scanned: 0, fetched: 0, otherUnits: 0, unmetered: 0 });

/**
 * While `meter.tally` is set, asks every request for ReturnConsumedCapacity TOTAL and adds what it consumed,
 * read and returned to the tally. The passes run one at a time, so one tally at a time is enough.
 */
function installMeter(ddb: DynamoDBDocumentClient) {
  const meter: { tally?: Tally } = {};
  ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const tally = meter.tally;
      if (!tally) return next(args);
      (args.input as Item).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: { CapacityUnits?: number }; Count?: number; ScannedCount?: number };
      const units = output.ConsumedCapacity?.CapacityUnits;
      if (units === undefined) tally.unmetered++;
      if (String(context.commandName) === 'QueryCommand') {
        tally.queries++;
        tally.queryUnits += units ?? 0;
        tally.scanned += output.ScannedCount ?? 0;
        tally.fetched += output.Count ?? 0;
      } else {
        tally.otherUnits += units ?? 0;
      }
      return result;
    },
    { step: 'initialize', name: 'benchRankingMeter', override: true },
  );
  return meter;
}

// ---------- the run ----------

/** A listed case as the API returns it: what the checks need. */
interface Listed { caseId: string; category: string | null; reviews: { meanTotal: number | null } }

async function run(): Promise<RankingResult> {
  // The modules read the environment when they load: only now.
  const { ddb } = await import('#adapters/clients');
  const { handler } = (await import('../../functions/selection/list-edition-cases.ts')) as { handler: Handler };
  const { caseItems } = await import('#adapters/cases-repo');
  const { createEdition } = await import('#adapters/editions-repo');
  const meter = installMeter(ddb);

  // ---------- data: one closed edition and its submitted cases, the same on every run ----------
  // Fixed dates (the deadline long past) and ids, owners and aggregates from a seeded generator: the case ids
  // decide the shards, so the same data gives the same Queries, items read and RCU on every run.
  const opensAt = Date.parse('2025-03-01T00:00:00Z');
  const deadline = Date.parse('2025-06-30T16:00:00Z');
  const input: EditionInput = {
    name: `Global Call for Practice Cases ${EDITION}`,
    opensAt: new Date(opensAt).toISOString(),
    deadline: new Date(deadline).toISOString(),
    timeZone: 'Asia/Shanghai',
    contact: { name: 'Call secretariat', email: 'secretariat@example.org' },
  };
  const edition = { ...newEdition(EDITION, input, new Date(opensAt - 30 * DAY)), closedAt: input.deadline, closedBy: SCHEDULE };
  if (!(await createEdition(edition))) throw new BenchFailure(`the edition ${EDITION} exists already`);

  const rnd = random(20_250_005);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  /** A ULID of `ms` (ulid's time part) whose random part comes from the seeded generator. */
  const seededUlid = (ms: number) => ulid(ms).slice(0, 10) + Array.from({ length: 16 }, () => CROCKFORD[Math.floor(rnd() * 32)]).join('');
  const seededUuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  /** Cases are created over the edition's months, each submitted half a step later. */
  const step = (deadline - opensAt - DAY) / cases;
  const COUNTRY_SETS = [['CN', 'KE', 'BR'], ['DE', 'IN'], ['ZA', 'EG', 'NG', 'GH'], ['FR', 'VN'], ['ID', 'MY', 'TH'], ['AR', 'CL'], ['PK', 'CN']];
  /** Reviews a case has: mostly two or three, some none yet (ranked last), a few up to five. */
  const REVIEW_COUNTS = [0, 1, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5];
  const reviewCounts: Record<string, number> = {};
  const seeded = new Map<string, { category: string; meanTotal: number | null }>();
  const items: Item[] = [];
  for (let i = 0; i < cases; i++) {
    const createdAt = Math.round(opensAt + i * step);
    let caseId = seededUlid(createdAt);
    while (seeded.has(caseId)) caseId = seededUlid(createdAt);
    const owner = { sub: seededUuid(), email: `applicant-${String(i).padStart(5, '0')}@example.org` };
    // A case's reviewers broadly agree: scores around its own quality.
    const quality = 2 + rnd() * 7;
    const n = pick(REVIEW_COUNTS);
    const reviews = Array.from({ length: n }, () => {
      const scores = Object.fromEntries(CRITERIA.map((c) => [c, Math.min(10, Math.max(1, Math.round(quality + (rnd() - 0.5) * 4)))])) as Scores;
      const total = CRITERIA.reduce((sum, c) => sum + scores[c], 0);
      const recommendation: Recommendation = total >= 30 ? 'outstanding' : total >= 20 ? 'collection' : RECOMMENDATIONS[2];
      return { scores, recommendation };
    });
    const review: ReviewAggregate | undefined = n ? aggregateOf(reviews) : undefined;
    reviewCounts[n] = (reviewCounts[n] ?? 0) + 1;
    const category = CATEGORY_IDS[i % CATEGORY_IDS.length]!;
    const submittedAt = new Date(createdAt + step / 2).toISOString();
    const record: CaseRecord = {
      ...CASE_FIELDS,
      title: `${CASE_FIELDS.title} ${i + 1}`,
      category,
      countries: pick(COUNTRY_SETS),
      contact: { name: `Applicant ${i + 1}`, email: owner.email },
      caseId,
      editionId: EDITION,
      ownerId: owner.sub,
      ownerEmail: owner.email,
      status: 'submitted',
      receipt: { submittedAt, sha256: createHash('sha256').update(caseId).digest('hex') },
      ...(review ? { review, reviewRev: n } : {}),
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: submittedAt,
      version: 2,
    };
    seeded.set(caseId, { category, meanTotal: review?.meanTotal ?? null });
    items.push(...caseItems(record));
  }
  progress(`writing ${cases} submitted cases`);
  const seedStart = performance.now();
  const chunks = Array.from({ length: Math.ceil(items.length / 25) }, (_, i) => items.slice(i * 25, i * 25 + 25));
  await pool(chunks, 8, async (chunk) => {
    let requests: unknown[] = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length; attempt++) {
      if (attempt === 10) throw new BenchFailure('BatchWriteItem left cases unprocessed after 10 attempts');
      const out = await ddb.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests as never } }));
      requests = out.UnprocessedItems?.[TABLE] ?? [];
    }
  });
  const seedMs = performance.now() - seedStart;
  progress(`wrote ${cases} cases in ${(seedMs / 1000).toFixed(1)} s`);
  const filterCases = [...seeded.values()].filter((c) => c.category === FILTER_CATEGORY).length;

  // ---------- the passes ----------
  const context = lambdaContext('listEditionCases');
  const baseEvent = eventFor(routes.listEditionCases, new Map(), { params: { editionId: EDITION }, caller: ORGANISER, query: { sort: 'score', limit: String(LIMIT) } });
  const gc = (globalThis as { gc?: () => void }).gc;

  interface Outcome { pass: Pass; listed: Listed[][]; unmetered: number }
  /** Pages through the list with `query` (and the cursor), timing the handler's invocations. */
  const pageThrough = async (query: Record<string, string>): Promise<Outcome> => {
    const pages: Listed[][] = [];
    const tally = newTally();
    let cursor: string | undefined;
    let ms = 0;
    meter.tally = tally;
    try {
      do {
        const q = { ...query, ...(cursor ? { cursor } : {}) };
        const event: APIGatewayProxyEvent = { ...baseEvent, queryStringParameters: q, multiValueQueryStringParameters: Object.fromEntries(Object.entries(q).map(([k, v]) => [k, [v]])) };
        const t0 = performance.now();
        const res = await handler(event, context);
        ms += performance.now() - t0;
        if (res.statusCode !== 200) throw new BenchFailure(`page ${pages.length + 1} of ${new URLSearchParams(query).toString()} answered ${res.statusCode} ${res.body}`);
        const body = JSON.parse(res.body) as { items: Listed[]; nextCursor: string | null };
        pages.push(body.items);
        cursor = body.nextCursor ?? undefined;
        if (pages.length > cases) throw new BenchFailure(`${new URLSearchParams(query).toString()}: more pages than cases; the cursor does not advance`);
      } while (cursor);
    } finally {
      meter.tally = undefined;
    }
    return { pass: passOf(tally, ms, pages.length, pages.flat().length), listed: pages, unmetered: tally.unmetered };
  };

  /** Items returned by the baseline's Queries that stopped before their Limit (DynamoDB's 1 MB a Query). */
  const stopsBefore: number[] = [];
  /** The baseline: every shard of the ranking index read once, best first, one Query after another, Limit 1000. */
  const plainQueries = async (): Promise<Outcome> => {
    const found: Listed[] = [];
    stopsBefore.length = 0;
    const tally = newTally();
    meter.tally = tally;
    const t0 = performance.now();
    try {
      for (let shard = 0; shard < EDITION_SHARDS; shard++) {
        let start: Item | undefined;
        do {
          const out = await ddb.send(
            new QueryCommand({
              TableName: TABLE,
              IndexName: INDEXES.gsi3.name,
              KeyConditionExpression: '#pk = :pk',
              ExpressionAttributeNames: { '#pk': INDEXES.gsi3.partitionKey },
              ExpressionAttributeValues: { ':pk': keys.rankShardPartition(EDITION, shard) },
              ScanIndexForward: false,
              Limit: 1000,
              ExclusiveStartKey: start,
            }),
          );
          if (out.LastEvaluatedKey && (out.Items?.length ?? 0) < 1000) stopsBefore.push(out.Items?.length ?? 0);
          for (const i of out.Items ?? []) found.push({ caseId: String(i.caseId), category: String(i.category), reviews: { meanTotal: (i.review as { meanTotal?: number } | undefined)?.meanTotal ?? null } });
          start = out.LastEvaluatedKey;
        } while (start);
      }
    } finally {
      meter.tally = undefined;
    }
    return { pass: passOf(tally, performance.now() - t0, 0, found.length), listed: [found], unmetered: tally.unmetered };
  };

  const score = (c: Listed) => Math.round((c.reviews.meanTotal ?? 0) * 1000);
  /** Every expected case exactly once; for the API passes also best first and every page but the last full. */
  const check = (what: string, o: Outcome, expected: number, ranked: boolean, category?: string) => {
    const all = o.listed.flat();
    const ids = new Set(all.map((c) => c.caseId));
    if (all.length !== expected || ids.size !== expected) throw new BenchFailure(`${what}: listed ${all.length} cases, ${ids.size} distinct; expected ${expected}`);
    const stranger = all.find((c) => !seeded.has(c.caseId) || (category !== undefined && c.category !== category));
    if (stranger) throw new BenchFailure(`${what}: listed ${stranger.caseId}, which is not one of the ${category ?? 'seeded'} cases`);
    const wrongScore = all.find((c) => seeded.get(c.caseId)!.meanTotal !== c.reviews.meanTotal);
    if (wrongScore) throw new BenchFailure(`${what}: case ${wrongScore.caseId} listed with meanTotal ${wrongScore.reviews.meanTotal}, seeded ${seeded.get(wrongScore.caseId)!.meanTotal}`);
    if (!ranked) return;
    const at = all.findIndex((c, i) => i > 0 && score(c) > score(all[i - 1]!));
    if (at > 0) throw new BenchFailure(`${what}: not best first: case ${at + 1} (${all[at]!.reviews.meanTotal}) follows ${all[at - 1]!.reviews.meanTotal}`);
    const short = o.listed.findIndex((page, i) => i < o.listed.length - 1 && page.length !== LIMIT);
    if (short >= 0) throw new BenchFailure(`${what}: page ${short + 1} of ${o.listed.length} holds ${o.listed[short]!.length} cases, not ${LIMIT}`);
  };

  type Name = 'merged' | 'filtered' | 'baseline';
  const passes: Record<Name, () => Promise<Outcome>> = {
    merged: () => pageThrough({ sort: 'score', limit: String(LIMIT) }),
    filtered: () => pageThrough({ sort: 'score', category: FILTER_CATEGORY, limit: String(LIMIT) }),
    baseline: plainQueries,
  };
  const checks: Record<Name, (o: Outcome) => void> = {
    merged: (o) => check('sort=score', o, cases, true),
    filtered: (o) => check(`sort=score&category=${FILTER_CATEGORY}`, o, filterCases, true, FILTER_CATEGORY),
    baseline: (o) => check('the baseline', o, cases, false),
  };
  const names = Object.keys(passes) as Name[];
  const measured: Record<Name, Pass[]> = { merged: [], filtered: [], baseline: [] };
  let unmetered = 0;
  // The warm-up rounds (negative) warm DynamoDB Local's JVM (and the handler) up and are not reported; every
  // pass of every round is checked.
  for (let round = 1 - WARM_ROUNDS; round <= rounds; round++) {
    const order = names.map((_, i) => names[(i + round + WARM_ROUNDS) % names.length]!);
    for (const name of order) {
      gc?.();
      const o = await passes[name]();
      checks[name](o);
      unmetered += o.unmetered;
      if (round > 0) measured[name].push(o.pass);
      progress(`${round <= 0 ? `warm-up round ${round + WARM_ROUNDS}/${WARM_ROUNDS}` : `round ${round}/${rounds}`}: ${name} ${o.pass.ms[0]!.toFixed(0)} ms, ${o.pass.queries} Queries, ${o.pass.rcu} RCU`);
    }
  }
  if (unmetered) throw new BenchFailure(`${unmetered} reads came back without ConsumedCapacity: DynamoDB Local did not report what they consumed`);

  // RCU and items read depend on the data only: the same in every round. Say so if not.
  const unsteady: string[] = [];
  const combined = (name: Name): Pass => {
    const ps = measured[name];
    const first = ps[0]!;
    for (const key of ['pages', 'queries', 'rcu', 'otherRcu', 'scanned', 'fetched', 'listed'] as const) {
      const values = [...new Set(ps.map((p) => p[key]))];
      if (values.length > 1) unsteady.push(`${name} ${key}: ${values.join(', ')}`);
    }
    return { pages: first.pages, queries: first.queries, ms: ps.map((p) => p.ms[0]!), rcu: first.rcu, otherRcu: first.otherRcu, scanned: first.scanned, fetched: first.fetched, listed: first.listed };
  };

  const sample = items[0]!;
  const projected = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, INDEXES.gsi3.partitionKey, INDEXES.gsi3.sortKey, ...CASE_LISTING_ATTRIBUTES]);
  const indexed = Object.fromEntries(Object.entries(sample).filter(([k]) => projected.has(k)));
  const merged = combined('merged');
  const filtered = combined('filtered');
  return {
    dynamoLocal: dynamoLocalVersion(),
    cases,
    limit: LIMIT,
    shards: EDITION_SHARDS,
    rounds,
    warmRounds: WARM_ROUNDS,
    seedMs,
    reviewCounts,
    sizes: { item: itemSize(sample), indexed: itemSize(indexed) },
    filter: { category: FILTER_CATEGORY, cases: filterCases },
    merged,
    filtered,
    baseline: combined('baseline'),
    baselineStops: [...stopsBefore],
    unsteady,
    verified:
      `Checked, every pass of every round (${WARM_ROUNDS + rounds} × 3): every page answered 200; sort=score listed all ${cases} cases once each, best first` +
      ` (meanTotal in thousandths, as the score key holds it, never rising; cases without reviews last) and every page but the last held ${LIMIT}` +
      ` (${merged.pages} pages); the filtered pass listed exactly the ${filterCases} ${FILTER_CATEGORY} cases the same way (${filtered.pages} pages);` +
      ` the baseline read all ${cases}; every listed meanTotal is the seeded one; every read reported its ConsumedCapacity.`,
  };
}

function passOf(tally: Tally, ms: number, pages: number, listed: number): Pass {
  return { pages, queries: tally.queries, ms: [ms], rcu: tally.queryUnits, otherRcu: tally.otherUnits, scanned: tally.scanned, fetched: tally.fetched, listed };
}

// ---------- main (last: the helpers above are initialised by now) ----------

let dynamo: DynamoLocal | undefined;
let failed = false;
try {
  dynamo = await startDynamoLocal();
  await ensureTable(dynamo.endpoint, TABLE);
  process.env.POWERTOOLS_LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'SILENT';
  setLocalEnv(dynamo.endpoint, TABLE);
  progress(`DynamoDB Local at ${dynamo.endpoint}, table ${TABLE}`);
  const result = await run();
  process.stdout.write(`\n${RANKING_RESULT_PREFIX}${JSON.stringify(result)}\n`);
} catch (err) {
  failed = true;
  process.stderr.write(`ranking benchmark: ${err instanceof BenchFailure ? err.message : ((err as Error).stack ?? String(err))}\n`);
} finally {
  await dynamo?.stop();
}
process.exit(failed ? 1 : 0);
