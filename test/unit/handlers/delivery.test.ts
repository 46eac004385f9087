/** SES events applied to recipients, and a run's end settling what a dead task left behind. */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { trackDelivery } from '../../../functions/notifications/track-delivery.ts';
import { finish } from '../../../functions/notifications/finish-run.ts';
import { keys } from '#adapters/table-design';
import { CASE_ID } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
beforeEach(() => ddb.reset());

const event = (eventType: string, tags: Record<string, string[]> = { editionId: ['2024'], caseId: [CASE_ID] }, extra: Record<string, unknown> = {}) => ({
  'detail-type': `Email ${eventType}`,
  detail: { eventType, mail: { messageId: 'ses-1', tags }, ...extra },
});

describe('SES events', () => {
  it('marks the recipient bounced, only if the message is theirs (or settles an uncertain send)', async () => {
    ddb.on(UpdateCommand).resolves({});
    expect(await trackDelivery(event('Bounce', undefined, { bounce: { bounceType: 'Permanent', bounceSubType: 'General' } }))).toBe('applied');
    const update = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(update.Key).toEqual(keys.recipient('2024', CASE_ID));
    expect(update.ExpressionAttributeValues).toMatchObject({ ':status': 'bounced', ':m': 'ses-1', ':detail': 'Bounce Permanent General' });
  });

  it('never lets a delivery overwrite a bounce or complaint, and ignores mail that is not a selection notice', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'no', $metadata: {} }));
    expect(await trackDelivery(event('Delivery'))).toBe('stale');
    expect(await trackDelivery(event('Delivery', {}))).toBe('ignored');
    expect(await trackDelivery(event('Open'))).toBe('ignored');
  });
});

describe("a run's end", () => {
  it('records recipients a dead task left sending as failed and uncertain, then frees the edition', async () => {
    const runId = 'notify-2024-0003';
    ddb.on(QueryCommand).resolves({
      Items: [
        { ...keys.recipient('2024', CASE_ID), editionId: '2024', caseId: CASE_ID, status: 'sending', runId },
        { ...keys.recipient('2024', 'OTHER'), editionId: '2024', caseId: 'OTHER', status: 'sent', runId },
      ],
    });
    ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': keys.auditPartition('2024') } }).resolves({ Items: [] });
    ddb.on(TransactWriteCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    ddb.on(GetCommand).resolves({ Item: { ...keys.run('2024', runId), editionId: '2024', runId, status: 'succeeded', startedAt: 'x', startedBy: 'olga', counts: { total: 3, sent: 0, failed: 0, skipped: 0 } } });
    await finish({ editionId: '2024', runId, status: 'succeeded' });
    const settle = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(settle).toMatchObject({ Key: keys.recipient('2024', CASE_ID), ExpressionAttributeValues: { ':true': true, ':failed': 'failed' } });
    const end = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(end.map((i) => i.Update?.Key ?? i.Put?.Item?.pk)).toEqual([keys.run('2024', runId), keys.notifyLock('2024'), keys.auditPartition('2024')]);
    // The first end of a run is audited, in the same transaction (only the first: test/integration/conditions.test.ts).
    expect(end[2]!.Put?.Item).toMatchObject({ seq: 1, action: 'notifications-finished', by: 'olga', subject: runId, details: { status: 'succeeded', sent: '1', failed: '1', skipped: '1' } });
    // The exact counts come from the same pass over the recipients: the settled one failed, the other sent, the rest skipped.
    expect(end[0]!.Update?.ExpressionAttributeValues?.[':counts']).toEqual({ total: 3, sent: 1, failed: 1, skipped: 1 });
    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 2); // the recipients once, the audit chain's head once
  });
});
