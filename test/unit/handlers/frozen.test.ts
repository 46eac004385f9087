/**
 * Frozen decisions against a mocked DynamoDB: a case with a decision, or whose owner was
 * notified, refuses every owner write (409) whatever extension they hold, in the handler and in the write's own
 * condition; an extension is refused once a decision exists for the edition, also when the decision lands
 * between the handler's read and the write.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler as patchCase } from '../../../functions/cases/patch-case.ts';
import { handler as submitCase } from '../../../functions/cases/submit-case.ts';
import { handler as withdrawCase } from '../../../functions/cases/withdraw-case.ts';
import { handler as createAttachment } from '../../../functions/attachments/create-attachment.ts';
import { handler as putExtension } from '../../../functions/editions/put-extension.ts';
import { handler as putDecision } from '../../../functions/selection/put-decision.ts';
import { keys } from '#adapters/table-design';
import { isFrozen } from '#domain/case';
import { routes } from '#shared/routes';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, cancelled, CASE_ID, caseItem, completeFields, editionItem, editionReads, NOW, org, caseFound, caseRead } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
/** Closed at the deadline; ann holds an extension that runs for another week. */
const closed = editionItem({ deadline: '2024-05-31T16:00:00.000Z' });
const extension = { ...keys.extension('2024', 'ann'), type: 'extension', editionId: '2024', sub: 'ann', deadline: '2024-06-08T00:00:00.000Z', reason: 'Flood', grantedBy: 'olga', grantedAt: '2024-05-30T00:00:00.000Z' };
const submitted = caseItem({ ...completeFields, status: 'submitted', version: 4 });
const decided = { ...submitted, decision: 'collection', decidedAt: '2024-06-01T07:00:00.000Z', decidedBy: 'olga' };

beforeEach(async () => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  await editionReads(ddb, closed, extension);
  // The audit chain's head (adapters/audit.ts): empty.
  ddb.on(QueryCommand).resolves({ Items: [] });
});
afterEach(() => vi.useRealTimers());

const FROZEN = /decision/i;

describe('the frozen-case predicate and condition', () => {
  it('freezes a case with a decision or a notified owner (the write condition that makes it race-free: test/integration/conditions.test.ts)', () => {
    expect(isFrozen({})).toBe(false);
    expect(isFrozen({ decision: 'not-selected' })).toBe(true);
    expect(isFrozen({ notifiedAt: '2024-06-01T00:00:00.000Z' })).toBe(true);
  });
});

describe("an owner's writes of a decided case, with an extension", () => {
  it('refuses PATCH, submit and withdraw with 409 before writing anything', async () => {
    caseRead(ddb).resolves(caseFound(decided));
    const calls = [
      invoke(patchCase, apiEvent(routes.patchCase, { path: `/cases/${CASE_ID}`, who: ann, body: { title: 'Rewritten' } })),
      invoke(submitCase, apiEvent(routes.submitCase, { path: `/cases/${CASE_ID}/submit`, who: ann })),
      invoke(withdrawCase, apiEvent(routes.withdrawCase, { path: `/cases/${CASE_ID}/withdraw`, who: ann })),
      invoke(createAttachment, apiEvent(routes.createAttachment, { path: `/cases/${CASE_ID}/attachments`, who: ann, body: { fileName: 'new.pdf', contentType: 'application/pdf', size: 1000, purpose: 'supporting' } })),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.status).toBe(409);
      expect(res.json?.code).toBe('conflict');
      expect(String(res.json?.detail)).toMatch(FROZEN);
    }
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 when the decision lands between the read and the write: the write is conditioned on it', async () => {
    // caseFor reads the case undecided; the re-read after the cancelled write finds the decision.
    caseRead(ddb).resolvesOnce(caseFound(submitted)).resolves(caseFound(decided));
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed'));
    const res = await invoke(patchCase, apiEvent(routes.patchCase, { path: `/cases/${CASE_ID}`, who: ann, body: { title: 'Rewritten' } }));
    expect(res.status).toBe(409);
    expect(String(res.json?.detail)).toMatch(FROZEN);
    const calls = ddb.commandCalls(TransactWriteCommand);
    // Not retried as a version race: one write, refused by its own condition.
    expect(calls).toHaveLength(1);
    const update = calls[0]!.args[0].input.TransactItems!.find((i) => i.Update)!.Update!;
    expect(update.Key).toEqual(keys.case(CASE_ID));
    // The re-read that tells the frozen case from a version race is strongly consistent.
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { ExpressionAttributeValues: expect.objectContaining({ ':pk': keys.casePartition(CASE_ID) }), ConsistentRead: true });
  });
});

describe('PUT /editions/{editionId}/extensions/{sub}', () => {
  const grant = () =>
    invoke(putExtension, apiEvent(routes.putExtension, { path: '/editions/2024/extensions/ann', who: org, body: { deadline: '2024-06-15T00:00:00.000Z', reason: 'Flood' } }));

  it('refuses an extension once decisions are recorded for the edition, without writing', async () => {
    ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: { ...closed, decisionsFrom: '2024-06-01T07:00:00.000Z' } });
    const res = await grant();
    expect(res.status).toBe(409);
    expect(String(res.json?.detail)).toMatch(/decisions/i);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it("conditions the grant on no decision, and maps the condition's failure to 409", async () => {
    ddb.on(GetCommand, { Key: keys.edition('2024') }).resolvesOnce({ Item: closed }).resolves({ Item: { ...closed, decisionsFrom: '2024-06-01T07:59:59.000Z' } });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));
    const res = await grant();
    expect(res.status).toBe(409);
    expect(res.json?.code).toBe('conflict');
    expect(String(res.json?.detail)).toMatch(/decisions/i);
    const check = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.ConditionCheck!;
    expect(check.Key).toEqual(keys.edition('2024'));
  });
});

describe('PUT /cases/{caseId}/decision', () => {
  it("marks the edition as deciding in the decision's transaction: once, conditioned on the closed check, without bumping its version", async () => {
    caseRead(ddb).resolves(caseFound(submitted));
    ddb.on(TransactWriteCommand).resolves({});
    const res = await invoke(putDecision, apiEvent(routes.putDecision, { path: `/cases/${CASE_ID}/decision`, who: org, body: { decision: 'collection' } }));
    expect(res.status).toBe(200);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    const keyOf = (i: (typeof items)[number]) => i.ConditionCheck?.Key ?? i.Update?.Key ?? i.Delete?.Key ?? { pk: i.Put?.Item?.pk, sk: i.Put?.Item?.sk };
    const editionItems = items.filter((i) => JSON.stringify(keyOf(i)) === JSON.stringify(keys.edition('2024')));
    // One item on the edition (a transaction cannot check and update the same item).
    expect(editionItems).toHaveLength(1);
    const mark = editionItems[0]!.Update!;
    expect(mark.UpdateExpression).toBe('SET decisionsFrom = if_not_exists(decisionsFrom, :decisionsFrom)');
    expect(mark.ExpressionAttributeValues).toMatchObject({ ':decisionsFrom': NOW.toISOString() });
    expect(mark.UpdateExpression).not.toContain('version');
  });
});
