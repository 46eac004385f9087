import { COMMITTEE_ATTRIBUTES } from '#domain/case';
import { effectOf } from '../../support/update-expression.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/cases/patch-case.ts';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { apiEvent, invoke, type Who } from '../../support/api-event.ts';
import { ann, ben, cancelled, CASE_ID, caseItem, completeFields, editionItem, NOW, org, editionReads, caseFound, caseRead } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const patch = (body: unknown, who: Who = ann, headers: Record<string, string> = {}) =>
  invoke(handler, apiEvent(routes.patchCase, { path: `/cases/${CASE_ID}`, who, body, headers }));

beforeEach(async () => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  await editionReads(ddb, editionItem());
  caseRead(ddb).resolves(caseFound(caseItem()));
});
afterEach(() => vi.useRealTimers());

describe('PATCH /cases/{caseId}', () => {
  it('merges the fields, bumps the version and conditions the write on the version read and the deadline', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await patch({ summary: 'New summary', title: null }, ann, { 'if-match': '"2"' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"3"');
    expect(res.json).toMatchObject({ summary: 'New summary', title: null, version: 3 });
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[0]!.ConditionCheck?.Key).toEqual(keys.edition('2024'));
    expect(tx[1]!.Update).toMatchObject({ Key: keys.case(CASE_ID), ExpressionAttributeValues: { ':expected': 2 } });
    const { set, remove } = effectOf(tx[1]!.Update);
    expect(set).toMatchObject({ version: 3, ownerId: 'ann' });
    // The texts are the text item's: a changed summary rewrites it, in the same transaction, and the case item
    // holds no text.
    expect(tx[2]!.Put?.Item).toEqual({ ...keys.caseText(CASE_ID), type: 'case-text', summary: 'New summary' });
    expect(set).not.toHaveProperty('summary');
    expect(set).not.toHaveProperty('title');
    expect(remove).toContain('title');
    // An owner's write never touches what the committee owns, so a review or decision landing meanwhile survives it.
    for (const k of COMMITTEE_ATTRIBUTES) expect(set).not.toHaveProperty(k);
    expect(set).not.toHaveProperty('gsi3sk');
  });

  it('answers 412 for a stale If-Match without writing', async () => {
    const res = await patch({ title: 'x' }, ann, { 'if-match': '"1"' });
    expect(res.status).toBe(412);
    expect(res.json?.code).toBe('precondition-failed');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 412 when another write wins the race and If-Match was sent', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    const res = await patch({ title: 'x' }, ann, { 'if-match': '2' });
    expect(res.status).toBe(412);
  });

  it('redoes the merge on the fresh case when another write wins and no If-Match was sent', async () => {
    caseRead(ddb).resolvesOnce(caseFound(caseItem())).resolves(caseFound(caseItem({ version: 3, summary: 'theirs' })));
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'ConditionalCheckFailed')).resolves({});
    const res = await patch({ title: 'mine' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ title: 'mine', summary: 'theirs', version: 4 });
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 2);
  });

  it('hides the case from a stranger (404) and refuses an organiser (403)', async () => {
    expect((await patch({ title: 'x' }, ben)).json?.code).toBe('not-found');
    expect((await patch({ title: 'x' }, org)).json?.code).toBe('forbidden');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 404 for an unknown case and 400 for an id that is not a ULID', async () => {
    caseRead(ddb).resolves(caseFound());
    expect((await patch({ title: 'x' })).status).toBe(404);
    const bad = await invoke(handler, apiEvent(routes.patchCase, { path: '/cases/not-a-ulid', who: ann, body: { title: 'x' } }));
    expect(bad.status).toBe(400);
    expect(bad.json?.errors).toMatchObject([{ path: 'path.caseId' }]);
  });

  it('answers 409 deadline-passed after the deadline', async () => {
    await editionReads(ddb, editionItem({ deadline: '2024-06-01T07:59:59.999Z' }));
    const res = await patch({ title: 'x' });
    expect(res.json?.code).toBe('deadline-passed');
  });

  it('keeps a submitted case eligible: 422 listing every problem', async () => {
    caseRead(ddb).resolves(caseFound(caseItem({ ...completeFields, status: 'submitted' })));
    const res = await patch({ countries: ['KE'], implementedOn: '2015-12-31' });
    expect(res.status).toBe(422);
    expect(res.json?.code).toBe('not-eligible');
    expect((res.json?.errors as { code: string }[]).map((e) => e.code)).toEqual(['implemented-too-early', 'min-countries']);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a withdrawn case with 409 conflict', async () => {
    caseRead(ddb).resolves(caseFound(caseItem({ status: 'withdrawn' })));
    expect((await patch({ title: 'x' })).json?.code).toBe('conflict');
  });
});
