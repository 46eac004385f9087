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
import { FUNCTIONS_DIR } from '../../lib/local/environment.ts';
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
    const pre = await fetch(`${base}/cases/x`, { method: 'OPTIONS' });
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
    expect(await html.text()).toContain('/cases/{caseId}');
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
    // The attachment routes' object-level checks are in attachments.test.ts, submission's in submission.test.ts, the review and
    // list routes' in review.test.ts (the authorisation matrix), the decision, notification and release routes' in notifications.test.ts.
    expect(idRoutes.map((r) => r.operationId).sort()).toEqual([
      'assignReviewer', 'bulkAssign', 'closeEdition', 'createAttachment', 'createCase', 'declareConflict', 'deleteAttachment', 'exportEditionCases',
      'getAttachment', 'getCase', 'getEdition', 'getMyReview', 'getResults', 'listAttachments', 'listAudit', 'listCaseReviewers', 'listEditionCases',
      'listNotifications', 'listReviews', 'patchCase', 'previewNotification', 'putDecision', 'putEdition', 'putExtension', 'putMyReview',
      'releaseEdition', 'startNotifications', 'submitCase', 'unassignReviewer', 'withdrawCase',
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
