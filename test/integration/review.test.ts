/**
 * The review committee over HTTP, against DynamoDB Local: who may call what (the authorisation matrix),
 * assignments (single and bulk, all or nothing), reviews and their aggregate, conflicts of interest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';
import { startLocalApi, type Answer, type LocalApi } from './local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.close());

const scores = (innovation: number, impact: number, cooperation: number, sustainability: number) => ({ innovation, impact, cooperation, sustainability });

interface People {
  owner: string;
  organiser: string;
}

/** A submitted case of `ownerSub` in `editionId`, over HTTP. */
async function submittedCase(editionId: string, ownerSub: string, fields: Record<string, unknown> = completeFields): Promise<string> {
  const t = api.token(ownerSub);
  const created = await api.call('POST', `/editions/${editionId}/cases`, { token: t, body: fields });
  expect(created.status).toBe(201);
  const caseId = String(created.json?.caseId);
  expect((await api.call('POST', `/cases/${caseId}/submit`, { token: t })).status).toBe(200);
  return caseId;
}

/** An edition with `n` submitted cases, then closed by an organiser. */
async function closedEdition(n: number): Promise<{ editionId: string; caseIds: string[]; people: People }> {
  const editionId = await openEdition();
  const people = { owner: uniq('ann'), organiser: api.token(uniq('olga'), ['organisers']) };
  const caseIds: string[] = [];
  for (let i = 0; i < n; i++) caseIds.push(await submittedCase(editionId, people.owner));
  expect((await api.call('POST', `/editions/${editionId}/close`, { token: people.organiser })).status).toBe(200);
  return { editionId, caseIds, people };
}

const codeFor: Record<number, string> = { 400: 'validation-failed', 412: 'precondition-failed', 401: 'unauthorized', 403: 'forbidden', 404: 'not-found', 409: 'conflict' };

function expectStatus(res: Answer, status: number, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);
  if (status >= 400) {
    expect(res.headers.get('content-type'), what).toContain('application/problem+json');
    expect(res.json?.code, what).toBe(codeFor[status]);
  }
}

describe('the authorisation matrix of the review routes', () => {
  it('answers each role on every new route with the expected status, and never leaks reviews to applicants', async () => {
    const { editionId, caseIds, people } = await closedEdition(1);
    const caseId = caseIds[0]!;
    const org = people.organiser;
    const subs = { assigned: uniq('rita'), conflicted: uniq('carl'), unassigned: uniq('ursula'), temp: uniq('tom') };
    const roles = {
      none: undefined,
      applicant: api.token(uniq('ben')),
      owner: api.token(people.owner),
      unassigned: api.token(subs.unassigned, ['reviewers']),
      conflicted: api.token(subs.conflicted, ['reviewers']),
      organiser: org,
      assigned: api.token(subs.assigned, ['reviewers']),
    } as const;
    for (const sub of [subs.assigned, subs.conflicted, subs.temp]) expectStatus(await api.call('PUT', `/cases/${caseId}/reviewers/${sub}`, { token: org }), 201, `assign ${sub}`);
    expectStatus(await api.call('POST', `/cases/${caseId}/conflict`, { token: roles.conflicted, body: { reason: 'I advised the applicant' } }), 200, 'declare');

    type Role = keyof typeof roles;
    const review = { scores: scores(8, 7, 9, 6), recommendation: 'collection', comment: 'Solid.' };
    // Rows run in order; the assigned reviewer's PUT of the review comes before the rows that read it.
    const matrix: { route: string; method: string; path: string; body?: unknown; expect: Record<Role, number> }[] = [
      { route: 'listEditionCases', method: 'GET', path: `/editions/${editionId}/cases`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 200, assigned: 403 } },
      { route: 'exportEditionCases', method: 'GET', path: `/editions/${editionId}/cases.csv`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 200, assigned: 403 } },
      { route: 'bulkAssign', method: 'POST', path: `/editions/${editionId}/assignments`, body: { assign: [{ caseId, sub: subs.assigned }] }, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 200, assigned: 403 } },
      { route: 'listCaseReviewers', method: 'GET', path: `/cases/${caseId}/reviewers`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 200, assigned: 403 } },
      { route: 'assignReviewer', method: 'PUT', path: `/cases/${caseId}/reviewers/${subs.assigned}`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 200, assigned: 403 } },
      { route: 'listMyAssignments', method: 'GET', path: '/me/assignments', expect: { none: 401, applicant: 403, owner: 403, unassigned: 200, conflicted: 200, organiser: 403, assigned: 200 } },
      { route: 'getCase', method: 'GET', path: `/cases/${caseId}`, expect: { none: 401, applicant: 404, owner: 200, unassigned: 404, conflicted: 404, organiser: 200, assigned: 200 } },
      { route: 'listAttachments', method: 'GET', path: `/cases/${caseId}/attachments`, expect: { none: 401, applicant: 404, owner: 200, unassigned: 404, conflicted: 404, organiser: 200, assigned: 200 } },
      { route: 'putMyReview', method: 'PUT', path: `/cases/${caseId}/reviews/me`, body: review, expect: { none: 401, applicant: 403, owner: 403, unassigned: 404, conflicted: 404, organiser: 403, assigned: 201 } },
      { route: 'getMyReview', method: 'GET', path: `/cases/${caseId}/reviews/me`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 404, conflicted: 404, organiser: 403, assigned: 200 } },
      { route: 'listReviews', method: 'GET', path: `/cases/${caseId}/reviews`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 200, assigned: 403 } },
      { route: 'unassignReviewer', method: 'DELETE', path: `/cases/${caseId}/reviewers/${subs.temp}`, expect: { none: 401, applicant: 403, owner: 403, unassigned: 403, conflicted: 403, organiser: 204, assigned: 403 } },
      { route: 'declareConflict', method: 'POST', path: `/cases/${caseId}/conflict`, body: { reason: 'Same employer' }, expect: { none: 401, applicant: 403, owner: 403, unassigned: 404, conflicted: 200, organiser: 403, assigned: 200 } },
    ];
    for (const row of matrix) {
      for (const role of Object.keys(roles) as Role[]) {
        const res = await api.call(row.method, row.path, { token: roles[role], ...(row.body ? { body: row.body } : {}) });
        expectStatus(res, row.expect[role], `${row.route} as ${role}`);
        // Nothing an applicant receives carries a review, a score or an assignment.
        if (role === 'owner' || role === 'applicant') expect(res.text).not.toMatch(/"(scores|recommendation|reviewer|reviews|assignedAt|aggregate)"/);
      }
    }
  });

  it('shows an assigned reviewer the case without contact details, only their own assignments and only their own review', async () => {
    const { caseIds, people } = await closedEdition(2);
    const [first, second] = caseIds as [string, string];
    const org = people.organiser;
    const rita = uniq('rita');
    const ravi = uniq('ravi');
    for (const sub of [rita, ravi]) expectStatus(await api.call('PUT', `/cases/${first}/reviewers/${sub}`, { token: org }), 201, 'assign');
    const asRita = api.token(rita, ['reviewers']);
    const asRavi = api.token(ravi, ['reviewers']);

    const seen = await api.call('GET', `/cases/${first}`, { token: asRita });
    expect(seen.json?.title).toBe(completeFields.title);
    expect(seen.json).not.toHaveProperty('contact');
    expect(seen.text).not.toContain(completeFields.contact.email);
    expect(seen.text).not.toContain(people.owner);
    expectStatus(await api.call('GET', `/cases/${second}`, { token: asRita }), 404, 'an unassigned case');

    const mine = await api.call('GET', '/me/assignments', { token: asRita });
    expect(mine.json?.items).toEqual([expect.objectContaining({ caseId: first, reviewed: false, reviewedAt: null, caseStatus: 'submitted', title: completeFields.title })]);

    expectStatus(await api.call('PUT', `/cases/${first}/reviews/me`, { token: asRavi, body: { scores: scores(2, 2, 2, 2), recommendation: 'not-selected' } }), 201, 'ravi reviews');
    expectStatus(await api.call('GET', `/cases/${first}/reviews/me`, { token: asRita }), 404, 'rita has no review yet');
    const saved = await api.call('PUT', `/cases/${first}/reviews/me`, { token: asRita, body: { scores: scores(9, 9, 9, 9), recommendation: 'outstanding' } });
    expect(saved.status).toBe(201);
    expect(saved.json).toMatchObject({ reviewer: { sub: rita }, total: 36, version: 1 });
    expect(saved.text).not.toContain(ravi);
    const own = await api.call('GET', `/cases/${first}/reviews/me`, { token: asRita });
    expect(own.json?.scores).toEqual(scores(9, 9, 9, 9));
    expect((await api.call('GET', '/me/assignments', { token: asRita })).json?.items).toEqual([expect.objectContaining({ caseId: first, reviewed: true })]);
  });
});

describe('an organiser who owns a case (a conflict of interest)', () => {
  it("gets 403 on its decision, reviews, reviewers, assignments and notice, sees no review data on its own rows; another organiser succeeds", async () => {
    const editionId = await openEdition();
    const olgaSub = uniq('olga');
    const olga = api.token(olgaSub, ['organisers']);
    const otto = api.token(uniq('otto'), ['organisers']);
    const own = await submittedCase(editionId, olgaSub, { ...completeFields, title: "Olga's own case" });
    const theirs = await submittedCase(editionId, uniq('ann'));
    expectStatus(await api.call('POST', `/editions/${editionId}/close`, { token: otto }), 200, 'close');
    const [rita, ravi] = [uniq('rita'), uniq('ravi')];

    // Olga may not choose who reviews her case, alone or in bulk; she may for another case.
    expectStatus(await api.call('PUT', `/cases/${own}/reviewers/${rita}`, { token: olga }), 403, 'assign on her own case');
    const bulk = await api.call('POST', `/editions/${editionId}/assignments`, { token: olga, body: { assign: [{ caseId: theirs, sub: rita }, { caseId: own, sub: rita }] } });
    expectStatus(bulk, 409, 'bulk with her own case');
    expect(bulk.json?.errors).toEqual([expect.objectContaining({ path: 'assign.1', code: 'owner-organiser' })]);
    expectStatus(await api.call('PUT', `/cases/${theirs}/reviewers/${rita}`, { token: olga }), 201, 'assign on another case');

    // Otto runs the committee on Olga's case.
    for (const sub of [rita, ravi]) expectStatus(await api.call('PUT', `/cases/${own}/reviewers/${sub}`, { token: otto }), 201, `otto assigns ${sub}`);
    for (const id of [own, theirs]) {
      expectStatus(await api.call('PUT', `/cases/${id}/reviews/me`, { token: api.token(rita, ['reviewers']), body: { scores: scores(9, 8, 7, 6), recommendation: 'outstanding' } }), 201, 'rita reviews');
    }

    const perCase: [string, string, unknown?][] = [
      ['GET', `/cases/${own}/reviews`],
      ['GET', `/cases/${own}/reviewers`],
      ['DELETE', `/cases/${own}/reviewers/${ravi}`],
      ['PUT', `/cases/${own}/decision`, { decision: 'outstanding' }],
    ];
    for (const [method, path, body] of perCase) {
      const res = await api.call(method, path, { token: olga, ...(body ? { body } : {}) });
      expectStatus(res, 403, `olga ${method} ${path}`);
      expect(res.text).not.toMatch(/"(scores|aggregate|reviewer)"/);
    }
    expect((await api.call('GET', `/cases/${theirs}/reviews`, { token: olga })).json?.aggregate).toMatchObject({ count: 1 });

    // Otto decides; the notice of Olga's case is his to preview, not hers.
    expectStatus(await api.call('PUT', `/cases/${own}/decision`, { token: otto, body: { decision: 'outstanding' } }), 200, 'otto decides');
    expectStatus(await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${own}`, { token: olga }), 403, 'olga previews her notice');
    expectStatus(await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${own}`, { token: otto }), 200, 'otto previews it');
    expect((await api.call('GET', `/cases/${own}/reviews`, { token: otto })).json?.aggregate).toMatchObject({ count: 1, meanTotal: 30 });
    expect((await api.call('GET', `/cases/${own}/reviewers`, { token: otto })).json?.items).toHaveLength(2);
    expectStatus(await api.call('DELETE', `/cases/${own}/reviewers/${ravi}`, { token: otto }), 204, 'otto unassigns ravi');

    // The ranked list and the CSV show Olga no review data on her own row, and all of it on the others.
    for (const sort of ['newest', 'score']) {
      const rows = (await api.call('GET', `/editions/${editionId}/cases?sort=${sort}`, { token: olga })).json?.items as { caseId: string; reviews: unknown }[];
      expect(rows.find((r) => r.caseId === own)?.reviews, sort).toBeNull();
      expect(rows.find((r) => r.caseId === theirs)?.reviews, sort).toMatchObject({ count: 1, meanTotal: 30 });
      const ottoRows = (await api.call('GET', `/editions/${editionId}/cases?sort=${sort}`, { token: otto })).json?.items as { caseId: string; reviews: unknown }[];
      expect(ottoRows.find((r) => r.caseId === own)?.reviews, sort).toMatchObject({ count: 1, meanTotal: 30 });
    }
    const { parse } = await import('csv-parse/sync');
    const csvOf = async (token: string) => {
      const res = await fetch(`${api.base}/editions/${editionId}/cases.csv`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      return new Map((parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[]).map((r) => [r.caseId, r]));
    };
    const olgaCsv = await csvOf(olga);
    for (const column of ['reviews', 'mean_innovation', 'meanTotal', 'spread', 'recommended_outstanding']) expect(olgaCsv.get(own)?.[column], column).toBe('');
    expect(olgaCsv.get(own)?.title).toBe("Olga's own case");
    expect(olgaCsv.get(theirs)).toMatchObject({ reviews: '1', meanTotal: '30', recommended_outstanding: '1' });
    expect((await csvOf(otto)).get(own)).toMatchObject({ reviews: '1', meanTotal: '30', recommended_outstanding: '1' });
  });
});

describe('assignments', () => {
  it('refuses a conflicted reviewer and the owner (409), only assigns submitted cases of a closed edition, and is idempotent', async () => {
    const editionId = await openEdition();
    const owner = uniq('ann');
    const org = api.token(uniq('olga'), ['organisers']);
    const caseId = await submittedCase(editionId, owner);
    const rita = uniq('rita');
    const open = await api.call('PUT', `/cases/${caseId}/reviewers/${rita}`, { token: org });
    expectStatus(open, 409, 'assign while open');
    expect(open.json?.errors).toEqual([expect.objectContaining({ code: 'edition-not-closed' })]);

    const draft = String((await api.call('POST', `/editions/${editionId}/cases`, { token: api.token(owner), body: { title: 'A draft' } })).json?.caseId);
    expect((await api.call('POST', `/editions/${editionId}/close`, { token: org })).status).toBe(200);

    expect((await api.call('PUT', `/cases/${draft}/reviewers/${rita}`, { token: org })).json?.errors).toEqual([expect.objectContaining({ code: 'not-submitted' })]);
    expect((await api.call('PUT', `/cases/${caseId}/reviewers/${owner}`, { token: org })).json?.errors).toEqual([expect.objectContaining({ code: 'owner' })]);
    expectStatus(await api.call('PUT', '/cases/01HZX3N4QK7M2XG5V6R9T0BCDE/reviewers/x', { token: org }), 404, 'no such case');

    const first = await api.call('PUT', `/cases/${caseId}/reviewers/${rita}`, { token: org });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ caseId, sub: rita, state: 'assigned', reviewedAt: null, conflict: null });
    expect((await api.call('PUT', `/cases/${caseId}/reviewers/${rita}`, { token: org })).status).toBe(200);

    const declared = await api.call('POST', `/cases/${caseId}/conflict`, { token: api.token(rita, ['reviewers']), body: { reason: 'My former employer' } });
    expect(declared.json).toMatchObject({ state: 'conflicted', conflict: { reason: 'My former employer' } });
    const again = await api.call('PUT', `/cases/${caseId}/reviewers/${rita}`, { token: org });
    expectStatus(again, 409, 'assign a conflicted reviewer');
    expect(again.json?.errors).toEqual([expect.objectContaining({ code: 'conflict-of-interest' })]);
    expect((await api.call('GET', '/me/assignments', { token: api.token(rita, ['reviewers']) })).json?.items).toEqual([]);
    const listed = await api.call('GET', `/cases/${caseId}/reviewers`, { token: org });
    expect(listed.json?.items).toEqual([expect.objectContaining({ sub: rita, state: 'conflicted' })]);
    expectStatus(await api.call('DELETE', `/cases/${caseId}/reviewers/${rita}`, { token: org }), 404, 'unassign a conflicted reviewer');
  });

  it('applies a bulk list all or nothing, with an error for each refused pair', async () => {
    const { editionId, caseIds, people } = await closedEdition(3);
    const org = people.organiser;
    const [a, b, c] = caseIds as [string, string, string];
    const [r1, r2, r3] = [uniq('r1'), uniq('r2'), uniq('r3')];
    const otherEdition = await closedEdition(1);

    const refused = await api.call('POST', `/editions/${editionId}/assignments`, {
      token: org,
      body: {
        assign: [
          { caseId: a, sub: r1 },
          { caseId: b, sub: people.owner },
          { caseId: otherEdition.caseIds[0]!, sub: r2 },
          { caseId: c, sub: r3 },
        ],
        unassign: [{ caseId: a, sub: r2 }],
      },
    });
    expectStatus(refused, 409, 'bulk with bad pairs');
    expect(refused.json?.errors).toEqual([
      expect.objectContaining({ path: 'assign.1', code: 'owner' }),
      expect.objectContaining({ path: 'assign.2', code: 'not-found' }),
      expect.objectContaining({ path: 'unassign.0', code: 'not-assigned' }),
    ]);
    // None of the valid pairs were written.
    for (const id of caseIds) expect((await api.call('GET', `/cases/${id}/reviewers`, { token: org })).json?.items).toEqual([]);

    const applied = await api.call('POST', `/editions/${editionId}/assignments`, {
      token: org,
      body: { assign: [a, b, c].flatMap((caseId) => [r1, r2, r3].map((sub) => ({ caseId, sub }))) },
    });
    expectStatus(applied, 200, 'bulk');
    expect((applied.json?.assigned as unknown[]).length).toBe(9);
    const swap = await api.call('POST', `/editions/${editionId}/assignments`, {
      token: org,
      body: { assign: [{ caseId: a, sub: r1 }], unassign: [{ caseId: b, sub: r1 }, { caseId: c, sub: r1 }] },
    });
    expect(swap.json).toEqual({ assigned: [], unassigned: [{ caseId: b, sub: r1 }, { caseId: c, sub: r1 }], unchanged: [{ caseId: a, sub: r1 }] });
    const r1List = await api.call('GET', '/me/assignments', { token: api.token(r1, ['reviewers']) });
    expect((r1List.json?.items as { caseId: string }[]).map((i) => i.caseId)).toEqual([a]);

    const duplicate = await api.call('POST', `/editions/${editionId}/assignments`, { token: org, body: { assign: [{ caseId: a, sub: r2 }], unassign: [{ caseId: a, sub: r2 }] } });
    expectStatus(duplicate, 400, 'a pair twice');
    expect(duplicate.json?.errors).toEqual([expect.objectContaining({ path: 'unassign.0', code: 'duplicate-pair' })]);
    expectStatus(await api.call('POST', `/editions/${editionId}/assignments`, { token: org, body: {} }), 400, 'nothing to do');
    expectStatus(await api.call('POST', '/editions/2000-none/assignments', { token: org, body: { assign: [{ caseId: a, sub: r2 }] } }), 404, 'unknown edition');
  });
});

describe('reviews and the aggregate', () => {
  it('computes the aggregate a person computes by hand, keeps it through edits, unassignment and a conflict, and freezes with a decision', async () => {
    const { caseIds, people } = await closedEdition(1);
    const caseId = caseIds[0]!;
    const org = people.organiser;
    const [r1, r2, r3] = [uniq('r1'), uniq('r2'), uniq('r3')];
    for (const sub of [r1, r2, r3]) await api.call('PUT', `/cases/${caseId}/reviewers/${sub}`, { token: org });
    const save = (sub: string, body: unknown, headers?: Record<string, string>) =>
      api.call('PUT', `/cases/${caseId}/reviews/me`, { token: api.token(sub, ['reviewers']), body, ...(headers ? { headers } : {}) });

    expect((await save(r1, { scores: scores(8, 6, 7, 9), recommendation: 'outstanding', comment: 'Strong' })).status).toBe(201); // total 30
    expect((await save(r2, { scores: scores(5, 5, 6, 4), recommendation: 'collection' })).status).toBe(201); // total 20
    expect((await save(r3, { scores: scores(10, 9, 8, 10), recommendation: 'outstanding' })).status).toBe(201); // total 37

    const reviews = await api.call('GET', `/cases/${caseId}/reviews`, { token: org });
    // By hand: innovation (8+5+10)/3 = 7.6667, impact (6+5+9)/3 = 6.6667, cooperation (7+6+8)/3 = 7, sustainability (9+4+10)/3 = 7.6667;
    // totals 30, 20, 37: mean 29, min 20, max 37, spread 17, population sd sqrt(((1)^2+(9)^2+(8)^2)/3) = sqrt(146/3) = 6.9761.
    const agg = reviews.json?.aggregate as Record<string, unknown> & { mean: Record<string, number> };
    expect(agg.count).toBe(3);
    expect(agg.mean.innovation).toBeCloseTo(23 / 3, 10);
    expect(agg.mean.impact).toBeCloseTo(20 / 3, 10);
    expect(agg.mean.cooperation).toBe(7);
    expect(agg.mean.sustainability).toBeCloseTo(23 / 3, 10);
    expect(agg.meanTotal).toBe(29);
    expect(agg).toMatchObject({ minTotal: 20, maxTotal: 37, spread: 17, recommendations: { outstanding: 2, collection: 1, 'not-selected': 0 } });
    expect(agg.stdDev).toBeCloseTo(Math.sqrt(146 / 3), 10);
    expect((reviews.json?.items as unknown[]).length).toBe(3);

    // An edit replaces the reviewer's scores: r2 now 7,7,7,7 = 28, so totals 30, 28, 37 and mean 95/3.
    expectStatus(await save(r2, { scores: scores(7, 7, 7, 7), recommendation: 'collection' }, { 'if-match': '"7"' }), 412, 'stale If-Match');
    const edited = await save(r2, { scores: scores(7, 7, 7, 7), recommendation: 'collection' }, { 'if-match': '"1"' });
    expect(edited.status).toBe(200);
    expect(edited.headers.get('etag')).toBe('"2"');
    let listed = await api.call('GET', `/cases/${caseId}/reviews`, { token: org });
    expect((listed.json?.aggregate as { meanTotal: number }).meanTotal).toBeCloseTo(95 / 3, 10);

    // Unassigning r3 takes their review out: totals 30, 28.
    expectStatus(await api.call('DELETE', `/cases/${caseId}/reviewers/${r3}`, { token: org }), 204, 'unassign');
    listed = await api.call('GET', `/cases/${caseId}/reviews`, { token: org });
    expect(listed.json?.aggregate).toMatchObject({ count: 2, meanTotal: 29, spread: 2, recommendations: { outstanding: 1, collection: 1 } });

    // A conflict declared by r1 removes theirs too: only r2's 28 is left.
    await api.call('POST', `/cases/${caseId}/conflict`, { token: api.token(r1, ['reviewers']), body: { reason: 'Co-author' } });
    listed = await api.call('GET', `/cases/${caseId}/reviews`, { token: org });
    expect(listed.json?.aggregate).toMatchObject({ count: 1, meanTotal: 28, spread: 0 });

    // A decision makes the reviews final (recorded here directly: the decision route is the next issue's).
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId), UpdateExpression: 'SET decision = :d', ExpressionAttributeValues: { ':d': 'collection' } }));
    expectStatus(await save(r2, { scores: scores(1, 1, 1, 1), recommendation: 'not-selected' }), 409, 'review after a decision');
    expectStatus(await api.call('DELETE', `/cases/${caseId}/reviewers/${r2}`, { token: org }), 409, 'unassign a reviewer whose review is final');

    // A decided case is frozen for its owner: the withdrawal is refused, and the committee's aggregate
    // and the decision stay as they are.
    expectStatus(await api.call('POST', `/cases/${caseId}/withdraw`, { token: api.token(people.owner) }), 409, 'withdraw a decided case');
    const stored = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId), ConsistentRead: true }));
    expect(stored.Item).toMatchObject({ status: 'submitted', decision: 'collection', review: { count: 1, meanTotal: 28 } });
  });

  it('keeps both of two reviews saved at the same moment (the aggregate is conditioned on its revision)', async () => {
    const { caseIds, people } = await closedEdition(1);
    const caseId = caseIds[0]!;
    const subs = Array.from({ length: 6 }, (_, i) => uniq(`r${i}`));
    await api.call('POST', `/editions/${(await api.call('GET', `/cases/${caseId}`, { token: people.organiser })).json?.editionId}/assignments`, {
      token: people.organiser,
      body: { assign: subs.map((sub) => ({ caseId, sub })) },
    });
    const results = await Promise.all(
      subs.map((sub, i) => api.call('PUT', `/cases/${caseId}/reviews/me`, { token: api.token(sub, ['reviewers']), body: { scores: scores(i + 1, i + 1, i + 1, i + 1), recommendation: 'collection' } })),
    );
    expect(results.map((r) => r.status)).toEqual(subs.map(() => 201));
    const agg = (await api.call('GET', `/cases/${caseId}/reviews`, { token: people.organiser })).json?.aggregate as { count: number; meanTotal: number };
    // Totals 4, 8, ..., 24: mean 14.
    expect(agg).toMatchObject({ count: 6, meanTotal: 14 });
  });

  it('refuses scores outside 1-10, unknown criteria and recommendations with field problems', async () => {
    const { caseIds, people } = await closedEdition(1);
    const rita = uniq('rita');
    await api.call('PUT', `/cases/${caseIds[0]}/reviewers/${rita}`, { token: people.organiser });
    const res = await api.call('PUT', `/cases/${caseIds[0]}/reviews/me`, {
      token: api.token(rita, ['reviewers']),
      body: { scores: { innovation: 0, impact: 11, cooperation: 5.5, beauty: 3 }, recommendation: 'maybe' },
    });
    expectStatus(res, 400, 'bad review');
    const paths = (res.json?.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['recommendation', 'scores.beauty', 'scores.cooperation', 'scores.impact', 'scores.innovation', 'scores.sustainability']);
  });
});

describe("the organisers' list and the CSV export", () => {
  const CATEGORIES = ['internet-infrastructure', 'cultural-exchange', 'digital-economy', 'cybersecurity', 'global-governance'] as const;
  const COUNTRIES = ['CN', 'BR', 'KE', 'DE', 'HK', 'US', 'IN'];
  const DECISIONS = [undefined, 'outstanding', 'collection', 'not-selected'] as const;

  /** 250 cases written straight to the table (as the repositories would), with varied fields, statuses, decisions and scores. */
  async function seed(editionId: string, n: number) {
    const { caseItems } = await import('../../functions/adapters/cases-repo.ts');
    const { aggregateOf } = await import('../../functions/domain/review.ts');
    const { ulid } = await import('../../functions/domain/ids.ts');
    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const base = Date.now() - n * 1000;
    const records = Array.from({ length: n }, (_, i) => {
      const status = i % 10 === 0 ? 'draft' : i % 10 === 1 ? 'withdrawn' : 'submitted';
      const reviews = status === 'submitted' ? Array.from({ length: i % 4 }, (_, k) => ({ scores: scores(1 + ((i + k) % 10), 1 + ((i * 3 + k) % 10), 1 + ((i * 7) % 10), 1 + (k % 10)), recommendation: 'collection' as const })) : [];
      const decision = status === 'submitted' ? DECISIONS[i % 4] : undefined;
      return {
        ...completeFields,
        caseId: ulid(base + i * 1000),
        editionId,
        ownerId: `owner-${i}`,
        ownerEmail: `owner-${i}@example.org`,
        status,
        title: `Case ${i}`,
        category: CATEGORIES[i % 5]!,
        countries: [COUNTRIES[i % 7]!, COUNTRIES[(i + 3) % 7]!],
        ...(decision ? { decision } : {}),
        ...(reviews.length ? { review: aggregateOf(reviews), reviewRev: reviews.length } : {}),
        createdAt: new Date(base + i * 1000).toISOString(),
        updatedAt: new Date(base + i * 1000).toISOString(),
        version: 1,
      } as Parameters<typeof caseItems>[0];
    });
    const items = records.flatMap(caseItems);
    for (let i = 0; i < items.length; i += 25) {
      await ddb.send(new BatchWriteCommand({ RequestItems: { [env.TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
    }
    return records;
  }

  it('pages through 250 cases with every filter, newest first and ranked by score, each case once', async () => {
    const editionId = await openEdition();
    const records = await seed(editionId, 250);
    const org = api.token(uniq('olga'), ['organisers']);
    const newest = [...records].sort((a, b) => (a.caseId < b.caseId ? 1 : -1));
    const meanTotal = (r: (typeof records)[number]) => r.review?.meanTotal ?? 0;
    const ranked = records
      .filter((r) => r.status === 'submitted')
      .sort((a, b) => meanTotal(b) - meanTotal(a) || (a.caseId < b.caseId ? 1 : -1));

    const filters: [string, (r: (typeof records)[number]) => boolean][] = [
      ['', () => true],
      ['status=draft', (r) => r.status === 'draft'],
      ['status=withdrawn', (r) => r.status === 'withdrawn'],
      ['status=submitted', (r) => r.status === 'submitted'],
      ['category=cybersecurity', (r) => r.category === 'cybersecurity'],
      ['country=HK', (r) => r.countries!.includes('HK')],
      ['decision=outstanding', (r) => r.decision === 'outstanding'],
      ['decision=none', (r) => r.decision === undefined],
      ['category=digital-economy&country=CN&status=submitted', (r) => r.category === 'digital-economy' && r.countries!.includes('CN') && r.status === 'submitted'],
    ];
    for (const sort of ['newest', 'score'] as const) {
      for (const [qs, keep] of filters) {
        if (sort === 'score' && /status=(draft|withdrawn)/.test(qs)) continue;
        const expected = (sort === 'score' ? ranked : newest).filter(keep).map((r) => r.caseId);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const q: string = `sort=${sort}&limit=17${qs ? `&${qs}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
          const res = await api.call('GET', `/editions/${editionId}/cases?${q}`, { token: org });
          expectStatus(res, 200, q);
          const items = res.json?.items as { caseId: string; reviews: { meanTotal: number | null } }[];
          expect(items.length).toBeLessThanOrEqual(17);
          seen.push(...items.map((i) => i.caseId));
          cursor = res.json?.nextCursor as string | null;
          pages++;
        } while (cursor && pages < 40);
        expect(seen, `${sort} ${qs}`).toEqual(expected);
      }
    }
    const ranks = await api.call('GET', `/editions/${editionId}/cases?sort=score&status=draft`, { token: org });
    expectStatus(ranks, 400, 'ranking drafts');
    expect(ranks.json?.errors).toEqual([expect.objectContaining({ code: 'not-ranked' })]);
    const first = await api.call('GET', `/editions/${editionId}/cases?limit=5`, { token: org });
    const reused = await api.call('GET', `/editions/${editionId}/cases?limit=5&category=cybersecurity&cursor=${String(first.json?.nextCursor)}`, { token: org });
    expectStatus(reused, 400, 'a cursor of another filter');
    expectStatus(await api.call('GET', `/editions/${editionId}/cases?cursor=bm90LWpzb24`, { token: org }), 400, 'a forged cursor');
    expectStatus(await api.call('GET', '/editions/2000-none/cases', { token: org }), 404, 'unknown edition');
  });

  it('exports CSV that a CSV parser reads back exactly: hostile and non-Latin titles, formulas neutralised, BOM and CRLF', async () => {
    const { parse } = await import('csv-parse/sync');
    const editionId = await openEdition();
    const owner = uniq('ann');
    const titles = [
      '=HYPERLINK("https://evil.example","click")',
      '+1+1',
      '-2-3',
      '@SUM(A1:A2)',
      // (A line break is no longer accepted in a title: one-line fields refuse control characters.)
      'Commas, "quotes", and more',
      '数字丝路：中非合作, "共建"',
      'التعاون الرقمي',
      'Plain title',
    ];
    const ids: string[] = [];
    // The last also titled in Chinese (a formula-like start is neutralised in either language).
    const inChinese = { titleZh: '=乡村宽带, "共建"' };
    for (const [i, title] of titles.entries()) ids.push(await submittedCase(editionId, owner, { ...completeFields, title, ...(i === 7 ? inChinese : {}) }));
    const org = api.token(uniq('olga'), ['organisers']);
    await api.call('POST', `/editions/${editionId}/close`, { token: org });
    const rita = uniq('rita');
    await api.call('PUT', `/cases/${ids[7]}/reviewers/${rita}`, { token: org });
    await api.call('PUT', `/cases/${ids[7]}/reviews/me`, { token: api.token(rita, ['reviewers']), body: { scores: scores(7, 8, 9, 10), recommendation: 'outstanding' } });

    const res = await fetch(`${api.base}/editions/${editionId}/cases.csv?sort=score`, { headers: { authorization: `Bearer ${org}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`cases-${editionId}.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(titles.length);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(titles.length);
    expect(rows[0]).toMatchObject({ caseId: ids[7], title: 'Plain title', reviews: '1', meanTotal: '34', mean_innovation: '7', recommended_outstanding: '1', countries: 'KE; CN', attachments: '0' });
    expect(rows[0]).toMatchObject({ titleZh: `'${inChinese.titleZh}` });
    expect(Object.keys(rows[0]!)).not.toContain('summary');
    const byId = new Map(rows.map((r) => [r.caseId, r]));
    expect(byId.get(ids[0]!)).toMatchObject({ titleZh: '' });
    titles.forEach((title, i) => {
      const expected = /^[=+\-@]/.test(title) ? `'${title}` : title;
      expect(byId.get(ids[i]!)?.title).toBe(expected);
    });
    expect(byId.get(ids[0]!)?.contactEmail).toBe(completeFields.contact.email);
    expectStatus(await api.call('GET', `/editions/${editionId}/cases.csv?limit=5`, { token: org }), 400, 'paging a CSV');
  });
});
