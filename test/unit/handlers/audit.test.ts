/** The audit trail's append (a taken seq is read again and retried) and GET /editions/{id}/audit's chainValid. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler as putExtension } from '../../../functions/editions/put-extension.ts';
import { handler as listAudit } from '../../../functions/editions/list-audit.ts';
import { AUDIT_APPEND_ATTEMPTS } from '#adapters/audit';
import { keys } from '#adapters/table-design';
import { chainedEntry, type AuditEntry } from '#domain/edition';
import { routes } from '#shared/routes';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { cancelled, editionItem, NOW, org } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddb.reset();
  ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: editionItem() });
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => vi.useRealTimers());

/** n chained entries of edition 2024, as stored (with their keys). */
function stored(n: number): Record<string, unknown>[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(chainedEntry({ editionId: '2024', at: `2024-05-0${i}T00:00:00.000Z`, action: 'extension-granted', by: 'olga', subject: `sub-${i}`, details: { reason: 'r' } }, out.at(-1)));
  }
  return out.map((e) => ({ ...keys.auditEntry('2024', e.seq), type: 'audit', ...e }));
}

const extend = () =>
  invoke(putExtension, apiEvent(routes.putExtension, { path: '/editions/2024/extensions/ann', who: org, body: { deadline: '2024-07-01T00:00:00Z', reason: 'Hospital stay' } }));
const auditPuts = () => ddb.commandCalls(TransactWriteCommand).map((c) => c.args[0].input.TransactItems!.at(-1)!.Put!);

describe('appending to the audit trail', () => {
  it('puts the entry after the head it read (strongly consistent), in the transaction of the change, conditioned on its seq being free', async () => {
    const chain = stored(3);
    ddb.on(QueryCommand).resolves({ Items: [chain[2]!] });
    ddb.on(TransactWriteCommand).resolves({});
    expect((await extend()).status).toBe(200);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { ExpressionAttributeValues: { ':pk': keys.auditPartition('2024') }, ScanIndexForward: false, Limit: 1, ConsistentRead: true });
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx.map((i) => Object.keys(i)[0])).toEqual(['ConditionCheck', 'Put', 'Put']);
    expect(auditPuts()[0]).toMatchObject({
      Item: { ...keys.auditEntry('2024', 4), seq: 4, prevHash: chain[2]!.hash, action: 'extension-granted', subject: 'ann', by: 'olga' },
    });
  });

  it('reads the head again and retries when another writer took the seq, and links to that writer\'s entry', async () => {
    const chain = stored(4);
    ddb.on(QueryCommand).resolvesOnce({ Items: [chain[2]!] }).resolves({ Items: [chain[3]!] });
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'None', 'ConditionalCheckFailed')).resolves({});
    expect((await extend()).status).toBe(200);
    expect(auditPuts().map((p) => p.Item?.seq)).toEqual([4, 5]);
    expect(auditPuts()[1]?.Item?.prevHash).toBe(chain[3]!.hash);
    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 2);
  });

  it('gives up with 429 after a bounded number of attempts when the seq keeps being taken', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed'));
    const res = await extend();
    expect(res.status).toBe(429);
    expect(res.json?.code).toBe('rate-limited');
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, AUDIT_APPEND_ATTEMPTS);
  });

  it("keeps the business condition's own outcome: a failed edition check is the route's 409, not a retry", async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'ConditionalCheckFailed'));
    const res = await extend();
    expect(res.status).toBe(409);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
  });
});

describe('GET /editions/{editionId}/audit', () => {
  const read = () => invoke(listAudit, apiEvent(routes.listAudit, { path: '/editions/2024/audit', who: org }));
  /** The page (newest first) and the whole chain (oldest first, in two pages) from the same items. */
  function serve(items: Record<string, unknown>[]) {
    ddb.on(QueryCommand, { ScanIndexForward: false }).resolves({ Items: [...items].reverse() });
    ddb.on(QueryCommand, { ConsistentRead: true }).resolvesOnce({ Items: items.slice(0, 2), LastEvaluatedKey: { pk: 'x', sk: 'y' } }).resolves({ Items: items.slice(2) });
  }

  it('answers the page newest first with chainValid true for an intact chain, read to its end', async () => {
    serve(stored(4));
    const res = await read();
    expect(res.status).toBe(200);
    expect(res.json?.chainValid).toBe(true);
    expect((res.json?.items as { seq: number }[]).map((i) => i.seq)).toEqual([4, 3, 2, 1]);
    expect(res.json?.items).toContainEqual(expect.objectContaining({ seq: 1, action: 'extension-granted', prevHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  });

  it('answers chainValid false when an entry past the first page of the chain was edited', async () => {
    const items = stored(4);
    items[3] = { ...items[3]!, details: { reason: 'rewritten' } };
    serve(items);
    expect((await read()).json?.chainValid).toBe(false);
  });
});
