/**
 * The same flows over HTTP, through the local server that `npm start` runs: tokens, the authorizer,
 * problem details, object-level authorisation on every route that takes an id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { ROUTES } from '../../functions/shared/routes.ts';
import { FUNCTIONS_DIR, localRoutes } from '../../lib/local/environment.ts';
import { createLocalServer, listen } from '../../lib/local/server.ts';
import { devCorsOrigins } from '../../lib/stage-config.ts';
import { signToken } from '../../lib/local/tokens.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';
import { startLocalApi, type CallOptions, type LocalApi, type Role } from './local-api.ts';

let api: LocalApi;
let base: string;
beforeAll(async () => {
  api = await startLocalApi();
  base = api.base;
});
afterAll(() => api.close());

const token = (sub: string, groups: Role[] = []) => api.token(sub, groups);
/** An origin of the dev stage's corsOrigins (cdk.json), and one no developer serves. */
const DEV_ORIGIN = devCorsOrigins()[0]!;
const EVIL_ORIGIN = 'https://evil.example';
const call = (method: string, path: string, opts: CallOptions = {}) => api.call(method, path, opts);

describe('local server', () => {
  it('answers a route without a token with a 401 problem, and a forged token too', async () => {
    for (const t of [undefined, 'abc.def.ghi', signToken({ sub: 'x', email: 'x@example.org', groups: [] }, Buffer.alloc(32, 2))]) {
      const res = await call('GET', '/me/cases', t ? { token: t } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.json?.code).toBe('unauthorized');
    }
  });

  it('answers an unknown route with a 404 problem, and CORS preflight with 204', async () => {
    const res = await call('GET', '/nothing/here');
    expect(res.status).toBe(404);
    expect(res.json?.code).toBe('not-found');
    const pre = await fetch(`${base}/cases/x`, { method: 'OPTIONS', headers: { origin: DEV_ORIGIN } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('if-match');
  });

  it('treats query keys named like Object built-ins as ordinary keys (found by the fuzz tests)', async () => {
    for (const key of ['constructor', 'toString', '__proto__']) {
      const res = await call('GET', `/editions?${key}=1`);
      expect(res.status, key).toBe(400);
      expect(res.json?.errors).toEqual([expect.objectContaining({ code: 'unknown-field' })]);
    }
    expect((await call('GET', '/docs?constructor=1')).status).toBe(200);
  });

  it('serves the OpenAPI document and the rendered reference from the route table', async () => {
    const doc = await call('GET', '/openapi.json');
    expect(doc.json?.openapi).toBe('3.1.0');
    expect(Object.keys(doc.json?.paths as object)).toEqual(expect.arrayContaining(ROUTES.map((r) => r.path)));
    const html = await fetch(`${base}/docs`);
    expect(html.headers.get('content-type')).toContain('text/html');
    // Swagger UI renders the document in the browser (test/browser/docs.test.ts), from files this API serves.
    const script = /<script src="(docs\/assets\/swagger-ui-bundle\.js[^"]*)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(new URL(script!.replaceAll('&amp;', '&'), `${base}/docs`));
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
  });

  it('passes the language through: Content-Language, Vary and a problem titled in it, the vocabulary by lang or Accept-Language', async () => {
    const zh = await call('GET', '/vocabulary', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    expect(zh.headers.get('vary')).toContain('Accept-Language');
    expect(zh.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(zh.json?.locale).toBe('zh-CN');
    expect((await call('GET', '/vocabulary?lang=en', { headers: { 'accept-language': 'zh' } })).headers.get('content-language')).toBe('en');
    const problem = await call('GET', '/editions/1999', { headers: { 'accept-language': 'zh' } });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-language')).toBe('zh-CN');
    expect(problem.json).toMatchObject({ code: 'not-found', title: '未找到', detail: '该届征集不存在，或您无权查看。' });
    expect((await call('GET', '/editions/1999')).json).toMatchObject({ title: 'Not found', detail: 'The edition does not exist or is not visible to you.' });
    // What the gateway answers itself cannot follow the request: English, said so, the Chinese in `translations`.
    const gateway = await call('GET', '/no-such-route', { headers: { 'accept-language': 'zh' } });
    expect(gateway.headers.get('content-language')).toBe('en');
    expect(gateway.json).toMatchObject({ code: 'not-found', title: 'Not found', translations: { 'zh-CN': { title: '未找到' } } });
  });

  it('drafts a case, reads it back and patches it, with ETags and problem details', async () => {
    const editionId = await openEdition();
    const ann = token(uniq('ann'));
    const created = await call('POST', `/editions/${editionId}/cases`, { token: ann, body: { title: 'Over HTTP' } });
    expect(created.status).toBe(201);
    const caseId = String(created.json?.caseId);
    expect(created.headers.get('etag')).toBe('"1"');
    const patched = await call('PATCH', `/cases/${caseId}`, { token: ann, body: completeFields, headers: { 'if-match': '"1"' } });
    expect(patched.json?.readiness).toEqual({ ready: true, problems: [] });
    expect((await call('PATCH', `/cases/${caseId}`, { token: ann, raw: '{"title":' })).json?.code).toBe('validation-failed');
  });
});

describe('object-level authorisation on every route that takes an id', () => {
  /** For each route with a path parameter: who must be refused, and with what. */
  const idRoutes = ROUTES.filter((r) => r.path.includes('{'));

  it('covers every id-taking route of the table', () => {
    // The attachment routes' object-level checks are in attachments.test.ts, submission's and the contact's in submission.test.ts, the review and
    // list routes' in review.test.ts (the authorisation matrix), the decision, notification and release routes' in notifications.test.ts,
    // removeReviewer's in committee.test.ts.
    // getDocsAsset's parameter names a public file of the reference page, no object (its allow-list: test/unit/handlers/docs.test.ts).
    expect(idRoutes.map((r) => r.operationId).sort()).toEqual([
      'assignReviewer', 'bulkAssign', 'closeEdition', 'confirmContact', 'createAttachment', 'createCase', 'declareConflict', 'deleteAttachment', 'exportEditionCases',
      'getAttachment', 'getCase', 'getDocsAsset', 'getEdition', 'getMyReview', 'getResults', 'listAttachments', 'listAudit', 'listCaseReviewers', 'listEditionCases',
      'listNotifications', 'listReviews', 'patchCase', 'previewNotification', 'putDecision', 'putEdition', 'putExtension', 'putMyReview',
      'releaseEdition', 'removeReviewer', 'sendContactCode', 'startNotifications', 'submitCase', 'unassignReviewer', 'withdrawCase',
    ]);
  });

  it("hides a case from everyone but its owner and organisers (404), and lets only the owner change it", async () => {
    const editionId = await openEdition();
    const owner = token(uniq('ann'));
    const stranger = token(uniq('ben'));
    const reviewer = token(uniq('rita'), ['reviewers']);
    const organiser = token(uniq('olga'), ['organisers']);
    const caseId = String((await call('POST', `/editions/${editionId}/cases`, { token: owner, body: { title: 'Mine' } })).json?.caseId);

    for (const t of [stranger, reviewer]) {
      expect((await call('GET', `/cases/${caseId}`, { token: t })).json?.code).toBe('not-found');
      expect((await call('PATCH', `/cases/${caseId}`, { token: t, body: { title: 'theirs' } })).json?.code).toBe('not-found');
    }
    expect((await call('GET', `/cases/${caseId}`, { token: organiser })).status).toBe(200);
    expect((await call('PATCH', `/cases/${caseId}`, { token: organiser, body: { title: 'org' } })).json?.code).toBe('forbidden');
    expect((await call('GET', `/cases/${caseId}`, { token: owner })).json?.title).toBe('Mine');
    // A well-formed id that does not exist answers exactly like one the caller may not see.
    const missing = await call('GET', '/cases/01HZX3N4QK7M2XG5V6R9T0BCDE', { token: stranger });
    const hidden = await call('GET', `/cases/${caseId}`, { token: stranger });
    expect({ ...missing.json, detail: undefined }).toEqual({ ...hidden.json, detail: undefined });
  });

  it('lets only organisers write an edition (403 for others), reads are public', async () => {
    const editionId = await openEdition();
    const body = { name: 'x', opensAt: '2099-01-01T00:00:00Z', deadline: '2099-02-01T00:00:00Z', timeZone: 'UTC' };
    expect((await call('PUT', `/editions/${editionId}`, { token: token(uniq('ann')), body })).json?.code).toBe('forbidden');
    expect((await call('PUT', `/editions/${editionId}`, { token: token(uniq('rita'), ['reviewers']), body })).json?.code).toBe('forbidden');
    expect((await call('GET', `/editions/${editionId}`)).status).toBe(200);
    expect((await call('GET', '/editions/2000-none')).json?.code).toBe('not-found');
  });

  it('stops an applicant at MAX_CASES_PER_APPLICANT cases in an edition, race-free, and not another applicant', async () => {
    const { MAX_CASES_PER_APPLICANT } = await import('../../functions/domain/limits.ts');
    const editionId = await openEdition();
    const ann = token(uniq('ann'));
    const created = await Promise.all(Array.from({ length: MAX_CASES_PER_APPLICANT + 3 }, () => call('POST', `/editions/${editionId}/cases`, { token: ann, body: {} })));
    expect(created.filter((r) => r.status === 201)).toHaveLength(MAX_CASES_PER_APPLICANT);
    expect(created.filter((r) => r.status === 409).map((r) => r.json?.code)).toEqual(['conflict', 'conflict', 'conflict']);
    expect((await call('POST', `/editions/${editionId}/cases`, { token: token(uniq('ben')), body: {} })).status).toBe(201);
  });

  it('answers a draft in an unknown edition with 404', async () => {
    expect((await call('POST', '/editions/2000-none/cases', { token: token(uniq('ann')), body: {} })).json?.code).toBe('not-found');
  });
});

describe('the shared contract sample', () => {
  const smoke = resolve(FUNCTIONS_DIR, '../../shared/contract-smoke.mjs');
  it('passes ../shared/contract-smoke.mjs against this server', async () => {
    expect(existsSync(smoke), `${smoke} is part of every checkout's shared/ folder`).toBe(true);
    const out = await promisify(execFile)(process.execPath, [smoke, base], { timeout: 60_000 }).catch((e: { stdout: string }) => e);
    expect(out.stdout).toMatch(/\d+ passed, 0 failed/);
  });
});

describe('the local environment is closed to other web pages', () => {
  const post = (path: string, body: string, headers: Record<string, string>) => fetch(`${base}${path}`, { method: 'POST', body, headers });
  const tokenRequest = JSON.stringify({ sub: 'mallory', email: 'mallory@example.org', groups: ['organisers'] });

  it('refuses a text/plain POST to /local/token (a form or a simple fetch needs no preflight) with a 400 problem', async () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const res = await post('/local/token', tokenRequest, { 'content-type': type });
      expect(res.status, type).toBe(400);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 'validation-failed' });
      expect(body).not.toHaveProperty('token');
    }
    expect((await post('/local/token', tokenRequest, { 'content-type': 'application/json' })).status).toBe(200);
  });

  it('refuses /local/token and /local/outbox to a foreign Origin (403), without CORS headers', async () => {
    const minted = await post('/local/token', tokenRequest, { 'content-type': 'application/json', origin: EVIL_ORIGIN });
    expect(minted.status).toBe(403);
    expect(((await minted.json()) as Record<string, unknown>).code).toBe('forbidden');
    expect(minted.headers.get('access-control-allow-origin')).toBeNull();
    const outbox = await fetch(`${base}/local/outbox`, { headers: { origin: EVIL_ORIGIN } });
    expect(outbox.status).toBe(403);
    expect(outbox.headers.get('access-control-allow-origin')).toBeNull();
    expect(await outbox.text()).not.toContain('items');
  });

  it("answers the dev stage's origins with their CORS headers and a foreign origin with none, on the server's and the handlers' answers", async () => {
    const ok = await post('/local/token', tokenRequest, { 'content-type': 'application/json', origin: DEV_ORIGIN });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN);
    for (const origin of [DEV_ORIGIN, EVIL_ORIGIN]) {
      const allowed = origin === DEV_ORIGIN ? origin : null;
      const pre = await fetch(`${base}/local/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(pre.headers.get('access-control-allow-origin'), `preflight from ${origin}`).toBe(allowed);
      const handled = await fetch(`${base}/editions`, { headers: { origin } });
      expect(handled.status).toBe(200);
      expect(handled.headers.get('access-control-allow-origin'), `handler answer to ${origin}`).toBe(allowed);
      const gateway = await fetch(`${base}/me/cases`, { headers: { origin } });
      expect(gateway.status).toBe(401);
      expect(gateway.headers.get('access-control-allow-origin'), `gateway answer to ${origin}`).toBe(allowed);
    }
  });

  it('listens on 127.0.0.1 unless told otherwise', async () => {
    const server = createLocalServer({ port: 0, routes: ROUTES, functionsDir: FUNCTIONS_DIR, secret: Buffer.alloc(32, 3), localRoutes: localRoutes(Buffer.alloc(32, 3), undefined) });
    try {
      await listen(server, 0);
      expect(server.address()).toMatchObject({ address: '127.0.0.1' });
    } finally {
      server.close();
    }
  });
});

describe('cursors the server did not issue for the list are 400 invalid-cursor, never 500', () => {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  /** The position a genuine cursor holds (its first part), for forging neighbours of it. */
  const positionOf = (cursor: string) => JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  /** The same position, or a changed one, under the genuine cursor's signature: what a forger can build. */
  const resigned = (cursor: string, position: unknown) => `${b64(position)}.${cursor.split('.')[1]}`;

  async function expectInvalid(path: string, cursor: string, opts: CallOptions, what: string) {
    const res = await call('GET', `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`, opts);
    expect(res.status, `${what}: ${res.text}`).toBe(400);
    expect(res.json, what).toMatchObject({ code: 'validation-failed', errors: [{ path: 'query.cursor', code: 'invalid-cursor' }] });
  }

  it("/me/cases: the caller's own partition with a junk, empty or out-of-range sort key, another caller's cursor, an unsigned one", async () => {
    const editionId = await openEdition();
    const [annSub, benSub] = [uniq('ann'), uniq('ben')];
    const [ann, ben] = [token(annSub), token(benSub)];
    for (const t of [ann, ann, ben, ben]) expect((await call('POST', `/editions/${editionId}/cases`, { token: t, body: { title: 'Paged' } })).status).toBe(201);
    const first = await call('GET', '/me/cases?limit=1', { token: ann });
    const cursor = String(first.json?.nextCursor);
    const next = await call('GET', `/me/cases?limit=1&cursor=${encodeURIComponent(cursor)}`, { token: ann });
    expect(next.status).toBe(200);
    expect((next.json?.items as { caseId: string }[])[0]?.caseId).not.toBe((first.json?.items as { caseId: string }[])[0]?.caseId);

    const mine = positionOf(cursor);
    expect(mine.gsi1pk).toBe(`OWNER#${annSub}`);
    const bensCursor = String((await call('GET', '/me/cases?limit=1', { token: ben })).json?.nextCursor);
    const forged: [string, string][] = [
      ['junk sort key, unsigned', b64({ ...mine, gsi1sk: 'junk' })],
      ['empty sort key, unsigned', b64({ ...mine, gsi1sk: '' })],
      ['junk sort key under the genuine signature', resigned(cursor, { ...mine, gsi1sk: 'junk' })],
      ['empty sort key under the genuine signature', resigned(cursor, { ...mine, gsi1sk: '' })],
      ['sort key out of the CASE# range', resigned(cursor, { ...mine, gsi1sk: 'EDITION#x' })],
      ['an extra attribute', resigned(cursor, { ...mine, extra: 'x' })],
      ['the genuine position without its signature', b64(mine)],
      ["another caller's genuine cursor", bensCursor],
    ];
    for (const [what, c] of forged) await expectInvalid('/me/cases', c, { token: ann }, what);
  });

  it('/editions: a junk or empty gsi1sk, and a cursor of another list', async () => {
    await openEdition();
    await openEdition();
    const first = await call('GET', '/editions?limit=1');
    const cursor = String(first.json?.nextCursor);
    expect((await call('GET', `/editions?limit=1&cursor=${encodeURIComponent(cursor)}`)).status).toBe(200);
    const position = positionOf(cursor);
    expect(position.gsi1pk).toBe('EDITIONS');
    const annsCases = await (async () => {
      const ann = token(uniq('ann'));
      const editionId = await openEdition();
      for (let i = 0; i < 2; i++) await call('POST', `/editions/${editionId}/cases`, { token: ann, body: { title: 'x' } });
      return String((await call('GET', '/me/cases?limit=1', { token: ann })).json?.nextCursor);
    })();
    for (const [what, c] of [
      ['empty gsi1sk', b64({ ...position, gsi1sk: '' })],
      ['junk gsi1sk under the genuine signature', resigned(cursor, { ...position, gsi1sk: '\u0000' })],
      ['empty gsi1sk under the genuine signature', resigned(cursor, { ...position, gsi1sk: '' })],
      ['a cursor of /me/cases', annsCases],
    ] as [string, string][]) {
      await expectInvalid('/editions', c, {}, what);
    }
  });

  it("the organisers' list: a cursor of another sort or filter, a forged merge position, another edition's cursor", async () => {
    const [editionId, otherId] = [await openEdition(), await openEdition()];
    const org = token(uniq('org'), ['organisers']);
    for (const e of [editionId, editionId, editionId, otherId, otherId]) {
      expect((await call('POST', `/editions/${e}/cases`, { token: token(uniq('ann')), body: { title: 'Listed' } })).status).toBe(201);
    }
    const newest = await call('GET', `/editions/${editionId}/cases?limit=1`, { token: org });
    const cursor = String(newest.json?.nextCursor);
    expect((await call('GET', `/editions/${editionId}/cases?limit=1&cursor=${encodeURIComponent(cursor)}`, { token: org })).status).toBe(200);
    const others = String((await call('GET', `/editions/${otherId}/cases?limit=1`, { token: org })).json?.nextCursor);
    const position = positionOf(cursor) as { p: (string | number)[] };
    const path = `/editions/${editionId}/cases`;
    await expectInvalid(`${path}?sort=score`, cursor, { token: org }, 'a newest-first cursor with sort=score');
    await expectInvalid(`${path}?status=draft`, cursor, { token: org }, 'a cursor with another filter');
    await expectInvalid(path, others, { token: org }, "another edition's cursor");
    await expectInvalid(`${path}?sort=score`, b64({ f: 'score||||', p: position.p.map(() => 'SCORE#junk') }), { token: org }, 'an unsigned score position');
    await expectInvalid(path, resigned(cursor, { p: position.p.map(() => 'CASE#') }), { token: org }, 'empty case ids under the genuine signature');
    await expectInvalid(path, resigned(cursor, { p: position.p.slice(1) }), { token: org }, 'a shard short');
  });

  it('/editions/{id}/audit: an unsigned key of the partition, with an empty or junk sort key', async () => {
    const editionId = await openEdition();
    const org = token(uniq('org'), ['organisers']);
    for (const sk of ['', 'junk', 'AUDIT#']) {
      for (const pk of [`EDITION#${editionId}`, `AUDIT#${editionId}`]) await expectInvalid(`/editions/${editionId}/audit`, b64({ pk, sk }), { token: org }, `${pk} / "${sk}"`);
    }
  });
});
