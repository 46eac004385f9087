/**
 * The outbox's mail function against mocked DynamoDB and SES: a stream batch of new items, of which it sends the
 * pending mails that are due, once each (the claim), and reports the records whose attempt failed on the table.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/mail/send-new-mail.ts';
import { keys } from '#adapters/table-design';
import { CASE_ID, conditionFailed, NOW } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const context = { awsRequestId: 'req-1', functionName: 'sendNewMail' } as Context;

/** A contact-code mail as mailPut records it: it carries its whole text, so sending it reads nothing else. */
const mailItem = (mailId: string, over: Record<string, string> = {}) => ({
  ...keys.mail(mailId),
  type: 'mail',
  mailId,
  kind: 'contact-verification',
  caseId: CASE_ID,
  editionId: '2024',
  status: 'pending',
  attempts: '0',
  nextAttemptAt: NOW.toISOString(),
  to: 'contact@example.org',
  subject: `Confirmation code for the contact of case ${CASE_ID}`,
  ...over,
});

let seq = 100;
/** A stream record as Lambda delivers it: string attributes (and numbers, as N) of the new image. */
function record(item: Record<string, string>, eventName: 'INSERT' | 'MODIFY' = 'INSERT'): DynamoDBRecord {
  const image = Object.fromEntries(Object.entries(item).map(([k, v]) => [k, k === 'attempts' ? { N: v } : k === 'to' ? { L: [{ S: v }] } : { S: v }]));
  return {
    eventID: `e-${seq}`,
    eventName,
    eventSource: 'aws:dynamodb',
    dynamodb: { Keys: { pk: { S: item.pk! }, sk: { S: item.sk! } }, NewImage: image, SequenceNumber: String(seq++), StreamViewType: 'NEW_IMAGE' },
  };
}
const event = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

/** The table as the claim and the records see it: a mail is claimed only while pending (and due). */
const status = new Map<string, string>();
const mailIdOf = (input: UpdateCommandInput) => String(input.Key?.pk).replace(/^MAIL#/, '');
const isClaim = (input: UpdateCommandInput) => input.ReturnValues === 'ALL_NEW';

beforeEach(() => {
  ddb.reset();
  ses.reset();
  status.clear();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  ddb.on(UpdateCommand).callsFake((input: UpdateCommandInput) => {
    const mailId = mailIdOf(input);
    if (isClaim(input)) {
      if ((status.get(mailId) ?? 'pending') !== 'pending') throw conditionFailed();
      status.set(mailId, 'claimed');
      const { to, attempts, ...rest } = mailItem(mailId);
      return { Attributes: { ...rest, to: [to], cc: [], attempts: Number(attempts) + 1, text: 'Your code: 123456', html: '<p>Your code: 123456</p>' } };
    }
    status.set(mailId, String(input.ExpressionAttributeValues?.[':sent'] ?? 'pending'));
    return {};
  });
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
});
afterEach(() => vi.useRealTimers());

const claims = () => ddb.commandCalls(UpdateCommand).filter((c) => isClaim(c.args[0].input));

describe('the outbox\'s mail function', () => {
  it('sends a due pending mail once, claimed first and recorded sent, and reports no failure', async () => {
    const out = await handler(event(record(mailItem('M1'))), context);
    expect(out).toEqual({ batchItemFailures: [] });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, { Destination: { ToAddresses: ['contact@example.org'], CcAddresses: [] } });
    expect(claims().map((c) => c.args[0].input.Key)).toEqual([keys.mail('M1')]);
    expect(claims()[0]!.args[0].input.ConditionExpression).toMatch(/nextAttemptAt <= :now/);
    expect(status.get('M1')).toBe('sent');
  });

  it('leaves a mail due later to the retry worker, and touches nothing for records that are not new mails', async () => {
    const later = new Date(NOW.getTime() + 3_600_000).toISOString();
    const out = await handler(
      event(
        record(mailItem('LATER', { nextAttemptAt: later })),
        record(mailItem('GONE', { status: 'sent' })),
        record(mailItem('EDITED'), 'MODIFY'),
        record({ ...keys.case(CASE_ID), type: 'case', caseId: CASE_ID, status: 'pending', nextAttemptAt: NOW.toISOString(), mailId: 'NOT-A-MAIL' }),
      ),
      context,
    );
    expect(out).toEqual({ batchItemFailures: [] });
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('reports the record whose attempt failed on DynamoDB, and still sends the others of the batch', async () => {
    const failing = record(mailItem('THROTTLED'));
    ddb.on(UpdateCommand, { Key: keys.mail('THROTTLED') }).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    const out = await handler(event(record(mailItem('A')), failing, record(mailItem('B'))), context);
    expect(out).toEqual({ batchItemFailures: [{ itemIdentifier: failing.dynamodb!.SequenceNumber }] });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 2);
    expect([status.get('A'), status.get('B')]).toEqual(['sent', 'sent']);
  });

  it('sends nothing twice when the stream delivers the same records again (the claim finds them sent)', async () => {
    const batch = event(record(mailItem('M1')), record(mailItem('M2')));
    await handler(batch, context);
    const again = await handler(batch, context);
    expect(again).toEqual({ batchItemFailures: [] });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 2);
    expect(claims()).toHaveLength(4);
  });

  it('records a refused send for a retry with backoff, without a batch failure (the mail stays pending for the retry worker)', async () => {
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } }));
    const out = await handler(event(record(mailItem('M1'))), context);
    expect(out).toEqual({ batchItemFailures: [] });
    const recorded = ddb.commandCalls(UpdateCommand).filter((c) => !isClaim(c.args[0].input)).map((c) => c.args[0].input);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.ExpressionAttributeValues?.[':next']).toBe(new Date(NOW.getTime() + 60_000).toISOString());
  });
});
