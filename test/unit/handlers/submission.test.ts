import { effectOf } from '../../support/update-expression.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { handler as submitCase } from '../../../functions/cases/submit-case.ts';
import { attemptMail } from '#shared/send-mail';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, CASE_ID, caseItem, completeFields, editionItem, editionReads } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const DEADLINE = '2024-06-20T16:00:00.000Z';
const submit = () => invoke(submitCase, apiEvent(routes.submitCase, { path: `/cases/${CASE_ID}/submit`, who: ann }));
const at = (iso: string) => vi.setSystemTime(new Date(iso));

beforeEach(async () => {
  ddb.reset();
  ses.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  ddb.on(GetCommand, { Key: keys.case(CASE_ID) }).resolves({ Item: caseItem(completeFields) });
  ddb.on(QueryCommand).resolves({ Items: [] });
  ddb.on(TransactWriteCommand).resolves({});
  ddb.on(UpdateCommand).resolves({ Attributes: { mailId: 'M', status: 'pending', attempts: 1, to: ['ann@example.org'], cc: [], subject: 's', text: 't', html: 'h' } });
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  await editionReads(ddb, editionItem({ deadline: DEADLINE }));
});
afterEach(() => vi.useRealTimers());

describe('POST /cases/{caseId}/submit at the deadline (injected clock)', () => {
  it('accepts one millisecond before the deadline and refuses at it', async () => {
    at('2024-06-20T15:59:59.999Z');
    const ok = await submit();
    expect(ok.status).toBe(200);
    expect(ok.json?.receipt).toMatchObject({ submittedAt: '2024-06-20T15:59:59.999Z' });
    at(DEADLINE);
    expect((await submit()).json?.code).toBe('deadline-passed');
  });

  it('accepts an extension holder one millisecond before their extension ends and refuses at it, through the extension item', async () => {
    const until = '2024-06-22T16:00:00.000Z';
    await editionReads(ddb, editionItem({ deadline: DEADLINE }), { ...keys.extension('2024', 'ann'), editionId: '2024', sub: 'ann', deadline: until, reason: 'r', grantedBy: 'o', grantedAt: DEADLINE });
    at('2024-06-22T15:59:59.999Z');
    expect((await submit()).status).toBe(200);
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[0]!.ConditionCheck).toMatchObject({ Key: keys.extension('2024', 'ann'), ConditionExpression: 'deadline > :now', ExpressionAttributeValues: { ':now': '2024-06-22T15:59:59.999Z' } });
    at(until);
    expect((await submit()).json?.code).toBe('deadline-passed');
  });

  it('writes the case and its confirmation mail in one transaction, then sends it through SES', async () => {
    at('2024-06-01T00:00:00.000Z');
    expect((await submit()).status).toBe(200);
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx).toHaveLength(3);
    const { set } = effectOf(tx[1]!.Update);
    expect(set).toMatchObject({ status: 'submitted', version: 3, receipt: { submittedAt: '2024-06-01T00:00:00.000Z' } });
    // Submitted, the case enters its edition's ranking (gsi3), in its shard.
    expect(set).toMatchObject(keys.caseRankPartition('2024', CASE_ID));
    expect(tx[2]!.Put?.Item).toMatchObject({ kind: 'submission-confirmation', status: 'pending', to: ['ann@example.org'], cc: ['a@example.org'] });
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, { Source: 'no-reply@unit.example.org', ConfigurationSetName: 'unit-config-set' });
  });

  it('keeps the submission when SES fails: the mail is recorded for a retry', async () => {
    at('2024-06-01T00:00:00.000Z');
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' }));
    expect((await submit()).status).toBe(200);
    const updates = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input.UpdateExpression);
    expect(updates.some((u) => u?.includes('lastError = :err, nextAttemptAt = :next'))).toBe(true);
  });
});

describe('sending a recorded mail', () => {
  beforeEach(() => at('2024-06-01T00:00:00.000Z'));

  it('claims, sends, records sent and takes it off the queue', async () => {
    expect(await attemptMail('M')).toBe('sent');
    const [claim, sent] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(claim!.ConditionExpression).toBe('#s = :pending AND nextAttemptAt <= :now');
    expect(sent!.UpdateExpression).toContain('REMOVE gsi1pk, gsi1sk');
    expect(sent!.ExpressionAttributeValues).toMatchObject({ ':id': 'ses-1' });
  });

  it('retries throttling later with backoff, gives up at once on a permanent failure', async () => {
    ses.on(SendEmailCommand).rejectsOnce(Object.assign(new Error('slow down'), { name: 'Throttling' })).rejects(Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected' }));
    expect(await attemptMail('M')).toBe('retry');
    expect(await attemptMail('M')).toBe('failed');
    const last = ddb.commandCalls(UpdateCommand).at(-1)!.args[0].input;
    expect(last.UpdateExpression).toContain('SET #s = :failed');
    expect(String(last.ExpressionAttributeValues?.[':err'])).toContain('MessageRejected');
  });

  it('sends nothing when another sender holds the mail', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }));
    expect(await attemptMail('M')).toBe('not-claimed');
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });
});
