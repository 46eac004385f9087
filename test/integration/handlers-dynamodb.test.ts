/** The handlers against DynamoDB Local: real conditions, real transactions, real indexes. */
import { describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as createCase } from '../../functions/cases/create-case.ts';
import { handler as patchCase } from '../../functions/cases/patch-case.ts';
import { handler as getCase } from '../../functions/cases/get-case.ts';
import { handler as listMine } from '../../functions/cases/list-my-cases.ts';
import { handler as putEdition } from '../../functions/editions/put-edition.ts';
import { handler as listEditions } from '../../functions/editions/list-editions.ts';
import { getCase as readCase, replaceCase } from '../../functions/adapters/cases-repo.ts';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { deadlineChecks } from '../../functions/adapters/transact.ts';
import { routes } from '../../functions/shared/routes.ts';
import { apiEvent, invoke, type Who } from '../support/api-event.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';

const draft = async (editionId: string, who: Who, body: unknown = { title: 'Draft' }) =>
  invoke(createCase, apiEvent(routes.createCase, { path: `/editions/${editionId}/cases`, who, body }));
const patch = (caseId: string, who: Who, body: unknown, headers: Record<string, string> = {}) =>
  invoke(patchCase, apiEvent(routes.patchCase, { path: `/cases/${caseId}`, who, body, headers }));

describe('case drafts in DynamoDB Local', () => {
  it('creates, reads back, patches to ready, and lists', async () => {
    const editionId = await openEdition();
    const ann = { sub: uniq('ann') };
    const created = await draft(editionId, ann);
    expect(created.status).toBe(201);
    const caseId = String(created.json?.caseId);

    const stored = await readCase(caseId);
    expect(stored).toMatchObject({ ownerId: ann.sub, status: 'draft', version: 1, title: 'Draft' });

    const patched = await patch(caseId, ann, completeFields, { 'if-match': created.headers.etag! });
    expect(patched.status).toBe(200);
    expect(patched.json?.readiness).toEqual({ ready: true, problems: [] });

    const read = await invoke(getCase, apiEvent(routes.getCase, { path: `/cases/${caseId}`, who: ann }));
    expect(read.json).toMatchObject({ ...completeFields, version: 2 });
  });

  it('lets exactly one of two concurrent writes with the same If-Match win', async () => {
    const editionId = await openEdition();
    const ann = { sub: uniq('ann') };
    const caseId = String((await draft(editionId, ann)).json?.caseId);
    const results = await Promise.all([
      patch(caseId, ann, { title: 'first' }, { 'if-match': '"1"' }),
      patch(caseId, ann, { title: 'second' }, { 'if-match': '"1"' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    expect((await readCase(caseId))?.version).toBe(2);
  });

  it('loses no update among concurrent writers without If-Match', async () => {
    const editionId = await openEdition();
    const ann = { sub: uniq('ann') };
    const caseId = String((await draft(editionId, ann)).json?.caseId);
    const results = await Promise.all([patch(caseId, ann, { summary: 'S' }), patch(caseId, ann, { description: 'D' })]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(await readCase(caseId)).toMatchObject({ summary: 'S', description: 'D', version: 3 });
  });

  it('enforces the deadline inside the write: a write that passed the check is refused once the deadline has moved', async () => {
    const editionId = await openEdition();
    const ann = { sub: uniq('ann') };
    const caseId = String((await draft(editionId, ann)).json?.caseId);
    const current = (await readCase(caseId))!;
    // The organiser moves the deadline into the past after the handler read the edition...
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId), UpdateExpression: 'SET deadline = :d', ExpressionAttributeValues: { ':d': new Date(Date.now() - 1000).toISOString() } }));
    // ...so the conditional write itself refuses it.
    expect(await replaceCase({ ...current, title: 'late', version: 2 }, current, deadlineChecks(editionId, new Date().toISOString()))).toBe('gate-closed');
    expect((await readCase(caseId))?.title).toBe('Draft');
    const late = await patch(caseId, ann, { title: 'late' });
    expect(late.json?.code).toBe('deadline-passed');
    expect((await draft(editionId, ann)).json?.code).toBe('deadline-passed');
  });

  it('refuses drafts before the edition opens', async () => {
    const editionId = await openEdition({ opensAt: new Date(Date.now() + 3_600_000).toISOString(), deadline: new Date(Date.now() + 7_200_000).toISOString() });
    expect((await draft(editionId, { sub: uniq('ann') })).json?.code).toBe('edition-not-open');
  });

  it('pages through a user\'s cases, newest first, across editions, without gaps or repeats', async () => {
    const [e1, e2] = [await openEdition(), await openEdition()];
    const ann = { sub: uniq('ann') };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(String((await draft(i % 2 ? e1 : e2, ann, { title: `case ${i}` })).json?.caseId));
    await draft(e1, { sub: uniq('ben') }); // someone else's

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await invoke(listMine, apiEvent(routes.listMyCases, { who: ann, query: { limit: '2', ...(cursor ? { cursor } : {}) } }));
      expect(res.status).toBe(200);
      seen.push(...(res.json?.items as { caseId: string }[]).map((c) => c.caseId));
      cursor = (res.json?.nextCursor as string | null) ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('creates and updates editions with the version as ETag, and lists them newest first', async () => {
    const org = { sub: uniq('olga'), groups: ['organisers'] };
    const editionId = uniq('2098-it');
    const body = { name: 'E', opensAt: '2098-01-01T00:00:00Z', deadline: '2098-06-20T16:00:00Z', timeZone: 'Asia/Shanghai' };
    const put = (b: unknown, headers: Record<string, string> = {}) => invoke(putEdition, apiEvent(routes.putEdition, { path: `/editions/${editionId}`, who: org, body: b, headers }));
    expect((await put(body)).status).toBe(201);
    expect((await put({ ...body, name: 'E2' }, { 'if-match': '"1"' })).status).toBe(200);
    expect((await put({ ...body, name: 'E3' }, { 'if-match': '"1"' })).status).toBe(412);
    const list = await invoke(listEditions, apiEvent(routes.listEditions, { query: { limit: '100' } }));
    const ids = (list.json?.items as { editionId: string; opensAt: string }[]).map((e) => e.opensAt);
    expect(ids).toEqual([...ids].sort().reverse());
  });
});
