/**
 * Property-based tests generated from the route table (issue 7): for every route, requests with valid and
 * broken path parameters, query strings, bodies and callers go through the local HTTP server (the same
 * router, authorizer and handlers as `npm start`) against DynamoDB Local, local S3 and the local Step
 * Functions. Every answer must satisfy the properties of oracle.ts, and after each route the victim's items
 * (world.ts) must be exactly as they were.
 *
 * FUZZ_RUNS requests per route (default 25; `npm run fuzz` runs 2000), from FUZZ_SEED (default fixed, so
 * that a run is reproducible: a failure names the seed to rerun with).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHmac, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fc from 'fast-check';
import { ROUTES } from '../../functions/shared/routes.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { setLocalWorkflowEnv, startLocalWorkflows } from '../../lib/local/environment.ts';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3.ts';
import type { LocalStepFunctions } from '../../lib/local/stepfunctions.ts';
import type { StreamPoller } from '../../lib/local/streams.ts';
import { executionStarted, startRunStream } from '../support/run-stream.ts';
import { signToken } from '../../lib/local/tokens.ts';
import { startLocalApi, type LocalApi } from '../integration/local-api.ts';
import { ACCEPT_LANGUAGES, bodyText, CALLERS, pathOf, requestArb, type CallerName, type CallerPools, type FuzzRequest, type GenContext } from './arbitraries.ts';
import { expectForgedCursor, expectationFor, violations } from './oracle.ts';
import { seedWorld, snapshot, type Pools, type World } from './world.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_607);
const BUCKET = 'fuzz-media';

let api: LocalApi;
let flows: LocalStepFunctions;
/** The table's stream, to the worker that starts the notification runs (as `npm start` does). */
let runStream: StreamPoller | undefined;
let media: LocalS3;
let world: World;
let ctx: GenContext;
let victimBefore: Record<string, unknown[]>;
let authorization: Record<Exclude<CallerName, 'anonymous' | 'forged'>, string>;
let forgeries: string[];
const s3Dir = mkdtempSync(join(tmpdir(), 'pc-fuzz-s3-'));
const stats = { requests: 0, statuses: new Map<number, number>(), pastChecks: 0, routes: 0, sendMs: 0, byRoute: new Map<string, Map<number, number>>() };
const tally = (m: Map<number, number>) => [...m.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
/** Failures in the background: notification workflows the fuzzed requests started, storage events. */
const background: string[] = [];
/** Makes an id created during the run addressable by later requests (set up in beforeAll). */
let grow: (caller: CallerName, kind: keyof Pools, id: string, editionOrCase: string) => void = () => undefined;

beforeAll(async () => {
  media = await startLocalS3(s3Dir, BUCKET, [], (line) => background.push(line));
  // Set before any handler loads: presigning and deletes go to the local S3, mail to the outbox (setup-env).
  Object.assign(process.env, { BUCKET_NAME: BUCKET, AWS_ENDPOINT_URL_S3: media.endpoint, S3_FORCE_PATH_STYLE: 'true', NOTIFY_PACE_MS: '0' });
  flows = await startLocalWorkflows((line) => background.push(line), 10);
  setLocalWorkflowEnv(flows.endpoint);
  runStream = await startRunStream(inject('dynamoEndpoint'), inject('tableName'), (line) => background.push(line));
  api = await startLocalApi();
  world = await seedWorld(api, async (runId) => {
    await executionStarted(flows, runId);
    await flows.idle();
  });
  victimBefore = await snapshot(world.victimPartitions);

  const { subs } = world;
  authorization = {
    applicant: `Bearer ${api.token(subs.applicant)}`,
    owner: `Bearer ${api.token(subs.owner)}`,
    reviewer: `Bearer ${api.token(subs.reviewer, ['reviewers'])}`,
    organiser: `Bearer ${api.token(subs.organiser, ['organisers'])}`,
  };
  forgeries = forgedAuthorizations(api, subs.applicant);

  // Organisers may change anything, so they never get a victim id; everyone else does.
  const strangers: Pools = {
    editions: [...world.victim.editions, ...world.playground.editions],
    cases: [...world.victim.cases, ...world.playground.cases],
    attachments: [...world.victim.attachments, ...world.playground.attachments],
  };
  const sandbox: Pools = { editions: [...world.sandbox.editions], cases: [...world.sandbox.cases], attachments: [...world.sandbox.attachments] };
  const favourites: Record<CallerName, string[]> = {
    anonymous: strangers.cases,
    forged: strangers.cases,
    applicant: [],
    owner: [...world.playground.cases],
    reviewer: [...world.assigned],
    organiser: sandbox.cases,
  };
  const pools = Object.fromEntries(
    CALLERS.map((c) => [c, { ...(c === 'organiser' ? sandbox : strangers), favourites: favourites[c] }]),
  ) as Record<CallerName, CallerPools>;
  ctx = { pools: (caller) => pools[caller], subs: Object.values(subs), cursors: new Map(), forgedCursors: forgedCursors(world) };
  // Requests that create something make it addressable by later ones.
  grow = (caller, kind, id, editionOrCase) => {
    const inSandbox = kind === 'editions' || sandbox.editions.includes(editionOrCase) || sandbox.cases.includes(editionOrCase);
    if (!strangers[kind].includes(id)) strangers[kind].push(id);
    if (inSandbox && !sandbox[kind].includes(id)) sandbox[kind].push(id);
    if (kind === 'cases' && caller !== 'organiser' && !favourites[caller].includes(id)) favourites[caller].push(id);
  };
}, 180_000);

afterAll(async () => {
  // The runs the fuzzed requests recorded start from the stream: stop it first, then wait for their executions.
  await runStream?.stop();
  await flows?.idle();
  const seen = tally(stats.statuses);
  // FUZZ_VERBOSE=1: the statuses of each route too, to see how deep the generators reach.
  if (process.env.FUZZ_VERBOSE) console.log(`  waiting for answers: ${Math.round(stats.sendMs)} ms`);
  if (process.env.FUZZ_VERBOSE) for (const [id, m] of stats.byRoute) console.log(`  ${id}: ${tally(m)}`);
  console.log(`fuzz: ${stats.requests} requests over ${stats.routes} routes (${RUNS} runs each, FUZZ_SEED=${SEED}), ${stats.pastChecks} past the gateway and validation; statuses ${seen}`);
  await api?.close();
  await flows?.stop();
  await media?.stop();
  rmSync(s3Dir, { recursive: true, force: true });
});

/** Authorization headers that must never pass: garbage, wrong secret, a tampered payload, alg none, expired, wrong scheme. */
function forgedAuthorizations(local: LocalApi, sub: string): string[] {
  const real = local.token(sub);
  const [header, payload, signature] = real.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const elevated = b64({ ...claims, 'cognito:groups': ['organisers', 'reviewers'] });
  const otherSecret = randomBytes(32);
  const unsignedNone = `${b64({ alg: 'none', typ: 'JWT' })}.${elevated}`;
  return [
    'Bearer garbage',
    'Bearer a.b.c',
    'Bearer ',
    'Bearer ..',
    `Bearer ${signToken({ sub, email: `${sub}@example.org`, groups: ['organisers'] }, otherSecret)}`,
    `Bearer ${header}.${elevated}.${signature}`,
    `Bearer ${unsignedNone}.`,
    `Bearer ${unsignedNone}.${createHmac('sha256', otherSecret).update(unsignedNone).digest('base64url')}`,
    // Signed with a secret of the same shape as local-api's, 13 hours ago: expired (or wrong, if that secret changes).
    `Bearer ${signToken({ sub, email: `${sub}@example.org`, groups: ['organisers'] }, Buffer.alloc(32, 1), Date.now() - 13 * 3_600_000)}`,
    `Bearer ${real}x`,
    `Bearer ${real.slice(0, -2)}`,
    `bearer ${real}`,
    `Basic ${Buffer.from(`${sub}:password`).toString('base64')}`,
    real,
    `Bearer ${'A'.repeat(4000)}`,
  ];
}

/**
 * Cursors aimed at the victim's partitions and at the decoder's edges, and structurally valid ones of the fuzzed
 * callers' own lists with a junk, empty or out-of-range sort key. None was
 * issued by the server: every one must be refused (oracle.ts, expectForgedCursor).
 */
function forgedCursors(w: World): string[] {
  const c = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const [vCase] = w.victim.cases;
  const [vEdition] = w.victim.editions;
  const [pCase] = w.playground.cases;
  const [pEdition] = w.playground.editions;
  const junkSortKeys = ['', 'junk', 'EDITION#x', '\u0000', 'CASE#'];
  const own = [w.subs.applicant, w.subs.owner, w.subs.reviewer, w.subs.organiser].flatMap((sub) =>
    junkSortKeys.flatMap((sk) => [
      c({ ...keys.case(pCase!), gsi1pk: keys.ownerPartition(sub), gsi1sk: sk }),
      c({ ...keys.case(pCase!), gsi1pk: `REVIEWER#${sub}`, gsi1sk: sk }),
    ]),
  );
  const shared = junkSortKeys.flatMap((sk) => [
    c({ ...keys.edition(pEdition!), gsi1pk: 'EDITIONS', gsi1sk: sk }),
    c({ pk: keys.casePartition(pCase!), sk }),
    c({ pk: keys.editionPartition(pEdition!), sk }),
    c({ pk: `AUDIT#${pEdition}`, sk }),
    c({ f: 'score||||', p: Array.from({ length: 16 }, () => sk) }),
    c({ f: '|||||', p: Array.from({ length: 16 }, () => sk) }),
  ]);
  return [
    ...own,
    ...shared,
    c(keys.case(vCase!)),
    c({ ...keys.case(vCase!), ...keys.caseByOwner(w.subs.victim, vCase!) }),
    c({ pk: keys.editionPartition(vEdition!), sk: 'AUDIT#0' }),
    c({ pk: keys.editionPartition(vEdition!), sk: 'RCPT#0' }),
    c({ ...keys.edition(vEdition!), gsi1pk: 'EDITIONS', gsi1sk: '0' }),
    c({ ...keys.attachment(vCase!, '0'), sk: 'ATT#0' }),
    c({ pk: 1, sk: 2 }),
    c({ pk: { S: 'x' }, sk: { S: 'y' } }),
    c({ pk: 'x'.repeat(1025), sk: 'y' }),
    c([]),
    c(null),
    c('a string'),
    c({}),
    c({ __proto__: { pk: 'x' } }),
    Buffer.from('{"pk":"x","sk":"y"').toString('base64url'),
    Buffer.from('not json').toString('base64url'),
  ];
}

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
}

async function send(route: (typeof ROUTES)[number], req: FuzzRequest) {
  const path = pathOf(route, req);
  const body = bodyText(req.body)?.toWellFormed();
  const headers: Record<string, string> = { ...req.headers };
  if (req.caller === 'forged') headers.authorization = forgeries[req.forgery % forgeries.length]!;
  else if (req.caller !== 'anonymous') headers.authorization = authorization[req.caller];
  const t0 = performance.now();
  const res = await fetch(api.base + path, { method: route.method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  stats.sendMs += performance.now() - t0;
  stats.requests += 1;
  stats.statuses.set(res.status, (stats.statuses.get(res.status) ?? 0) + 1);
  const mine = stats.byRoute.get(route.operationId) ?? new Map<number, number>();
  stats.byRoute.set(route.operationId, mine.set(res.status, (mine.get(res.status) ?? 0) + 1));
  const sent: Sent = { method: route.method, path, headers, body };
  const contentLanguage = res.headers.get('content-language') ?? '';
  return { sent, url: new URL(api.base + path), answer: { status: res.status, contentType: res.headers.get('content-type') ?? '', contentLanguage, text } };
}

const clip = (s: string | undefined, n = 400) => (s === undefined ? '(none)' : s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

/**
 * A genuine cursor's position changed as a forger would (its own partition kept, the sort key junk, empty or out of
 * range; an attribute added; a merge position cut or emptied), under the genuine signature and unsigned.
 */
function tampered(cursor: string): string[] {
  const [payload, tag] = cursor.split('.');
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  } catch {
    return [];
  }
  if (typeof position !== 'object' || position === null) return [];
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const variants: unknown[] = [];
  const p = (position as { p?: unknown }).p;
  if (Array.isArray(p)) {
    variants.push({ p: p.map(() => 'CASE#') }, { p: p.map(() => '') }, { p: p.slice(1) }, { ...position, extra: 1 });
  } else {
    const key = position as Record<string, unknown>;
    for (const attr of Object.keys(key).filter((k) => k.endsWith('sk'))) variants.push({ ...key, [attr]: '' }, { ...key, [attr]: 'junk' }, { ...key, [attr]: `~${String(key[attr])}` });
    variants.push({ ...key, extra: 'x' });
  }
  return [...variants.flatMap((v) => [`${b64(v)}.${tag}`, b64(v)]), payload ?? ''];
}

/** What answers tell us about ids and cursors that later requests can use. */
function learn(operationId: string, status: number, text: string, req: FuzzRequest) {
  if (status < 200 || status >= 300 || !text) return;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return;
  }
  const cursors = ctx.cursors.get(operationId);
  if (typeof json.nextCursor === 'string' && cursors && !cursors.includes(json.nextCursor) && cursors.length < 50) {
    cursors.push(json.nextCursor);
    // Neighbours of a genuine cursor that the server never issued: every list route gets its own.
    for (const forged of tampered(json.nextCursor)) if (ctx.forgedCursors.length < 1000 && !ctx.forgedCursors.includes(forged)) ctx.forgedCursors.push(forged);
  }
  if (operationId === 'createCase' && typeof json.caseId === 'string') grow(req.caller, 'cases', json.caseId, String(json.editionId));
  if (operationId === 'createAttachment') {
    const a = json.attachment as { attachmentId?: string; caseId?: string } | undefined;
    if (a?.attachmentId) grow(req.caller, 'attachments', `${a.caseId}/${a.attachmentId}`, String(a.caseId));
  }
  // The reviewer's new assignments become their favourites.
  const assigned = operationId === 'assignReviewer' ? [{ caseId: req.params.caseId?.value, sub: req.params.sub?.value }] : operationId === 'bulkAssign' ? ((json.assigned ?? []) as { caseId?: string; sub?: string }[]) : [];
  for (const a of assigned) if (a.sub === world.subs.reviewer && a.caseId) grow('reviewer', 'cases', a.caseId, a.caseId);
  if (operationId === 'putEdition' && status === 201 && typeof json.editionId === 'string') grow(req.caller, 'editions', json.editionId, json.editionId);
}

/**
 * The routes in table order, except that those which end things (a withdrawal, a conflict, a deletion, an
 * unassignment, closing and releasing) run last, so that they do not take away what the others would reach.
 */
const ENDINGS = ['withdrawCase', 'deleteAttachment', 'unassignReviewer', 'declareConflict', 'closeEdition', 'releaseEdition'];
const ORDER = [...ROUTES.filter((r) => !ENDINGS.includes(r.operationId)), ...ENDINGS.map((id) => ROUTES.find((r) => r.operationId === id)!)];

describe('every route of the route table, fuzzed', () => {
  it('covers every route of the table', () => expect(new Set(ORDER)).toEqual(new Set(ROUTES)));

  for (const [i, route] of ORDER.entries()) {
    it(`${route.operationId}: ${route.method} ${route.path}`, async () => {
      stats.routes += 1;
      const seed = (SEED + i * 7919) | 0;
      let failure: string | undefined;
      try {
        await fc.assert(
          fc.asyncProperty(requestArb(route, ctx), async (req) => {
            const { sent, url, answer } = await send(route, req);
            const exp = expectForgedCursor(expectationFor(route.method, url, req.caller, sent.body), url, ctx.forgedCursors);
            if (!exp.statuses && exp.route === route) stats.pastChecks += 1;
            learn(route.operationId, answer.status, answer.text, req);
            const found = violations(exp, answer, world.canaries, ACCEPT_LANGUAGES[req.headers['accept-language'] ?? '']!);
            if (found.length) {
              throw new Error(
                `${found.join('; ')}\n  request: ${sent.method} ${clip(sent.path, 300)} as ${req.caller}\n  headers: ${JSON.stringify(sent.headers)}\n  body: ${clip(sent.body)}` +
                  `\n  answer: ${answer.status} ${answer.contentType} ${clip(answer.text)}`,
              );
            }
          }),
          { numRuns: RUNS, seed },
        );
      } catch (err) {
        const cause = (err as Error).cause as Error | undefined;
        failure = `${(err as Error).message}\n${cause?.message ?? ''}\n(rerun the whole fuzz project with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}: the data evolves from route to route)`;
      }
      // Whatever was asked, the victim's items are exactly as they were.
      await flows.idle();
      const after = await snapshot(world.victimPartitions);
      const before = victimBefore;
      victimBefore = after; // so that a change is blamed on this route only
      const failedInBackground = background.splice(0);
      if (failure) expect.fail(isDeepStrictEqual(after, before) ? failure : `${failure}\nand the victim's items changed too`);
      expect(after, `the victim's items after fuzzing ${route.operationId}`).toStrictEqual(before);
      expect(failedInBackground, 'what failed in the background (workflows, storage events)').toEqual([]);
    });
  }
});
