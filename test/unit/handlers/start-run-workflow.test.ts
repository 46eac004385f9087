/**
 * The notification run's outbox against mocked DynamoDB and Step Functions: the request records the run and calls
 * nothing else; the stream's run worker starts the execution named with the run id, takes ExecutionAlreadyExists as
 * started, reports a start that failed for now in batchItemFailures, and records a run whose start was refused for
 * good failed, with the lock freed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand, StateMachineDoesNotExist } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/notifications/start-run-workflow.ts';
import { handler as startNotifications } from '../../../functions/notifications/start-notifications.ts';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { editionItem, NOW, org } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const context = { awsRequestId: 'req-1', functionName: 'startNotificationRun' } as Context;
const counts = { total: 0, sent: 0, failed: 0, skipped: 0 };

/** A run as startRun records it. */
const runItem = (runId: string, over: Record<string, unknown> = {}) => ({
  ...keys.run('2024', runId),
  type: 'run',
  editionId: '2024',
  runId,
  status: 'running',
  startedAt: NOW.toISOString(),
  startedBy: 'olga',
  counts,
  correlationId: `corr-${runId}`,
  ...over,
});

let seq = 100;
/** The stream's INSERT of an item, as Lambda delivers it (the attributes the filter and the handler read). */
function record(item: Record<string, unknown>): DynamoDBRecord {
  const image = Object.fromEntries(Object.entries(item).filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, { S: v as string }]));
  return {
    eventID: `e-${seq}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { pk: { S: String(item.pk) }, sk: { S: String(item.sk) } }, NewImage: image, SequenceNumber: String(seq++), StreamViewType: 'NEW_IMAGE' },
  };
}
const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

const sfnError = (name: string, status: number) => Object.assign(new Error(`${name} happened`), { name, $fault: 'client', $metadata: { httpStatusCode: status } });
const starts = () => sfn.commandCalls(StartExecutionCommand).map((c) => c.args[0].input);
/** The Update items of every TransactWriteItems request. */
const transactUpdates = () =>
  ddb.commandCalls(TransactWriteCommand).flatMap((c) => (c.args[0].input as TransactWriteCommandInput).TransactItems ?? []).flatMap((i) => (i.Update ? [i.Update] : []));

beforeEach(() => {
  ddb.reset();
  sfn.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  for (const runId of ['notify-2024-0001', 'notify-2024-0002', 'notify-2024-0003']) ddb.on(GetCommand, { Key: keys.run('2024', runId) }).resolves({ Item: runItem(runId) });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(TransactWriteCommand).resolves({});
  sfn.on(StartExecutionCommand).callsFake((input: { name: string }) => ({ executionArn: `arn:aws:states:eu-west-1:123456789012:execution:unit-notify:${input.name}`, startDate: NOW }));
});
afterEach(() => vi.useRealTimers());

describe("the notification run's stream worker", () => {
  it('starts the execution of a new run, named with the run id, with its correlation id in the input', async () => {
    const out = await handler(event(record(runItem('notify-2024-0001'))), context);
    expect(out).toEqual({ batchItemFailures: [] });
    expect(starts()).toEqual([
      {
        stateMachineArn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:unit-notify',
        name: 'notify-2024-0001',
        input: JSON.stringify({ editionId: '2024', runId: 'notify-2024-0001', cursor: null, correlationId: 'corr-notify-2024-0001' }),
      },
    ]);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('takes ExecutionAlreadyExists as started: a record delivered again changes nothing', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: "Execution Already Exists: 'notify-2024-0001'", $metadata: { httpStatusCode: 400 } }));
    expect(await handler(event(record(runItem('notify-2024-0001'))), context)).toEqual({ batchItemFailures: [] });
    expect(starts()).toHaveLength(1);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('reports a start that failed for now in batchItemFailures, and still starts the other runs of the batch', async () => {
    const failing = record(runItem('notify-2024-0002'));
    sfn.on(StartExecutionCommand, { name: 'notify-2024-0002' }).rejects(sfnError('ThrottlingException', 400));
    const out = await handler(event(record(runItem('notify-2024-0001')), failing, record(runItem('notify-2024-0003'))), context);
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: failing.dynamodb!.SequenceNumber }] });
    expect(starts().map((s) => s.name)).toEqual(['notify-2024-0001', 'notify-2024-0002', 'notify-2024-0003']);
    // The run stays running, its lock held, for the redelivery (or the catch-up pass) to start it.
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('records a run whose start was refused for good failed, with the reason, and frees the lock; the record is done', async () => {
    sfn.on(StartExecutionCommand).rejects(new StateMachineDoesNotExist({ message: 'State Machine Does Not Exist', $metadata: { httpStatusCode: 400 } }));
    expect(await handler(event(record(runItem('notify-2024-0001'))), context)).toEqual({ batchItemFailures: [] });
    const updates = transactUpdates();
    const run = updates.find((u) => JSON.stringify(u.Key) === JSON.stringify(keys.run('2024', 'notify-2024-0001')));
    expect(run?.ExpressionAttributeValues).toMatchObject({ ':s': 'failed', ':e': 'The workflow did not start: StateMachineDoesNotExist' });
    const lock = updates.find((u) => JSON.stringify(u.Key) === JSON.stringify(keys.notifyLock('2024')));
    expect(lock).toMatchObject({ UpdateExpression: 'REMOVE activeRun', ExpressionAttributeValues: { ':run': 'notify-2024-0001' } });
  });

  it('starts nothing for a run that has ended (a record delivered after its end) or a record that is not a run', async () => {
    ddb.on(GetCommand, { Key: keys.run('2024', 'notify-2024-0001') }).resolves({ Item: runItem('notify-2024-0001', { status: 'succeeded', finishedAt: NOW.toISOString() }) });
    const out = await handler(event(record(runItem('notify-2024-0001')), record({ ...keys.mail('M1'), type: 'mail', mailId: 'M1', editionId: '2024', runId: 'notify-2024-0002' })), context);
    expect(out).toEqual({ batchItemFailures: [] });
    expect(sfn).not.toHaveReceivedCommand(StartExecutionCommand);
  });
});

describe('POST /editions/{editionId}/notifications', () => {
  it('records the run and its lock with the correlation id in one transaction, answers 202, and calls no Step Functions', async () => {
    ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: editionItem({ deadline: '2024-05-31T16:00:00.000Z' }) });
    ddb.on(GetCommand, { Key: keys.notifyLock('2024') }).resolves({ Item: { ...keys.notifyLock('2024'), seq: 3 } });
    const res = await invoke(startNotifications, apiEvent(routes.startNotifications, { path: '/editions/2024/notifications', who: org, headers: { 'x-correlation-id': 'corr-42' } }));
    expect(res.status).toBe(202);
    expect(res.json).toEqual({ runId: 'notify-2024-0004', status: 'running' });
    expect(sfn.calls()).toHaveLength(0);
    const [write] = ddb.commandCalls(TransactWriteCommand);
    const items = (write?.args[0].input as TransactWriteCommandInput).TransactItems ?? [];
    expect(items.find((i) => i.Put?.Item?.type === 'run')?.Put?.Item).toMatchObject({ runId: 'notify-2024-0004', status: 'running', correlationId: 'corr-42' });
    expect(items.find((i) => JSON.stringify(i.Update?.Key) === JSON.stringify(keys.notifyLock('2024')))?.Update?.ExpressionAttributeValues).toMatchObject({ ':run': 'notify-2024-0004' });
  });
});
