/**
 * One recipient of the notification workflow against mocked DynamoDB and SES: the claim, the send with its
 * tags and configuration set, and what each kind of SES failure leads to.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SendEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { sendNotification } from '../../../functions/notifications/send-notification.ts';
import { markFailed } from '../../../functions/notifications/mark-failed.ts';
import { reasonOf } from '#use-cases/notifications/mark-failed';
import { keys } from '#adapters/table-design';
import { selectionNotice } from '#domain/notification';
import { CASE_ID, caseItem, completeFields, editionItem, NOW, caseFound, caseRead } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const ses = mockClient(SESClient);
const input = { editionId: '2024', runId: 'notify-2024-0001', caseId: CASE_ID };
const edition = editionItem({ deadline: '2024-05-31T16:00:00.000Z', materialsDeadline: '2024-09-01T16:00:00.000Z', contact: { name: 'WIC secretariat', email: 'cases@example.org' } });
// The contact confirmed its address (domain/contact.ts): it is copied. Unconfirmed, it is not (the notice, below).
const selected = caseItem({ ...completeFields, status: 'submitted', decision: 'outstanding', contactConfirmedEmail: 'a@example.org' });
const claimed = { ...keys.recipient('2024', CASE_ID), ...input, email: 'ann@example.org', decision: 'outstanding', status: 'sending', attempts: 1, updatedAt: NOW.toISOString() };
const sesError = (name: string, status?: number) => Object.assign(new Error(`${name} happened`), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

beforeEach(() => {
  ddb.reset();
  ses.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  caseRead(ddb).resolves(caseFound(selected));
  ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: edition });
  ddb.on(GetCommand, { Key: keys.preferences('ann') }).resolves({});
  ddb.on(UpdateCommand).resolves({ Attributes: claimed });
  ddb.on(TransactWriteCommand).resolves({});
});
afterEach(() => vi.useRealTimers());

describe('sending one selection notice', () => {
  it('claims the recipient conditionally, sends the outstanding notice with its tags, and records sent with the case and the count', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    expect(await sendNotification(input)).toEqual({ outcome: 'sent', messageId: 'ses-1' });
    const claim = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(claim.Key).toEqual(keys.recipient('2024', CASE_ID));
    expect(ses).toHaveReceivedCommandWith(SendEmailCommand, {
      ConfigurationSetName: 'unit-config-set',
      Destination: { ToAddresses: ['ann@example.org'], CcAddresses: ['a@example.org'] },
      Tags: [{ Name: 'editionId', Value: '2024' }, { Name: 'caseId', Value: CASE_ID }, { Name: 'runId', Value: input.runId }],
    });
    const subject = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Message?.Subject?.Data;
    expect(subject).toBe(`Outstanding case: ${CASE_ID}`); // no free text in a header
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx.map((i) => i.Update?.Key)).toEqual([keys.recipient('2024', CASE_ID), keys.case(CASE_ID)]);
    expect(tx[0]!.Update?.ExpressionAttributeValues).toMatchObject({ ':sent': 'sent', ':m': 'ses-1' });
    // The run's count is its own ADD, outside the transaction: all sends of a run count on that one item.
    expect(ddb.commandCalls(UpdateCommand).at(-1)!.args[0].input).toMatchObject({ Key: keys.run('2024', input.runId), ExpressionAttributeNames: { '#f': 'sent' } });
  });

  it('never sends again when recording a send fails: the recipient is recorded uncertain for SES events to settle', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-2' });
    ddb.on(TransactWriteCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    expect(await sendNotification(input)).toMatchObject({ outcome: 'failed' });
    expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    const failed = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input).find((u) => u.UpdateExpression?.startsWith('SET #s = :failed'));
    expect(failed).toMatchObject({ Key: keys.recipient('2024', CASE_ID), ExpressionAttributeValues: { ':true': true, ':why': expect.stringContaining('ses-2') } });
  });

  it('skips a recipient already sent (by an earlier run) and counts it, without sending', async () => {
    ddb.on(UpdateCommand).rejectsOnce(new ConditionalCheckFailedException({ message: 'no', $metadata: {} })).resolves({});
    ddb.on(GetCommand, { Key: keys.recipient('2024', CASE_ID) }).resolves({ Item: { ...claimed, status: 'sent', runId: 'notify-2024-0000' } });
    expect(await sendNotification(input)).toMatchObject({ outcome: 'skipped' });
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
    expect(ddb.commandCalls(UpdateCommand)[1]!.args[0].input).toMatchObject({ Key: keys.run('2024', input.runId), ExpressionAttributeNames: { '#f': 'skipped' } });
  });

  it('releases the claim and throws MailThrottled on SES throttling, so the workflow retries it with backoff', async () => {
    ses.on(SendEmailCommand).rejects(sesError('Throttling', 400));
    await expect(sendNotification(input)).rejects.toMatchObject({ name: 'MailThrottled' });
    const release = ddb.commandCalls(UpdateCommand)[1]!.args[0].input;
    expect(release.ExpressionAttributeValues).toMatchObject({ ':pending': 'pending' });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('throws MailPermanent on a rejected message, for the Catch that records it failed', async () => {
    ses.on(SendEmailCommand).rejects(sesError('MessageRejected', 400));
    await expect(sendNotification(input)).rejects.toMatchObject({ name: 'MailPermanent', message: expect.stringContaining('MessageRejected') });
  });

  it('records a timeout as failed and uncertain, never to be resent automatically', async () => {
    ses.on(SendEmailCommand).rejects(sesError('TimeoutError'));
    expect(await sendNotification(input)).toMatchObject({ outcome: 'failed' });
    const updates = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates.find((u) => u.UpdateExpression?.startsWith('SET #s = :failed'))?.UpdateExpression).toContain('uncertain = :true');
    expect(updates.at(-1)).toMatchObject({ Key: keys.run('2024', input.runId), ExpressionAttributeNames: { '#f': 'failed' } });
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it("writes the notice in the owner's preferred language: a Chinese subject and body, the deadline in Beijing time", async () => {
    ddb.on(GetCommand, { Key: keys.preferences('ann') }).resolves({ Item: { ...keys.preferences('ann'), type: 'preferences', locale: 'zh-CN', chosen: true, updatedAt: NOW.toISOString() } });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-zh' });
    expect(await sendNotification(input)).toEqual({ outcome: 'sent', messageId: 'ses-zh' });
    const message = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Message!;
    expect(message.Subject?.Data).toBe(`优秀案例：${CASE_ID}`);
    expect(message.Body?.Text?.Data).toContain('请于2024年9月1日 24:00（北京时间）前提交展示材料');
    expect(message.Body?.Html?.Data).toContain(`<b>${completeFields.title}</b>`);
  });

  it('answers a case that is no longer selected with skipped', async () => {
    caseRead(ddb).resolves(caseFound({ ...selected, status: 'withdrawn' }));
    expect(await sendNotification(input)).toMatchObject({ outcome: 'skipped', reason: 'no longer selected' });
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });
});

describe('the Catch of a failed recipient', () => {
  it('records the Lambda error message as the reason', async () => {
    const error = { Error: 'MailPermanent', Cause: JSON.stringify({ errorType: 'MailPermanent', errorMessage: 'MessageRejected: Email address is not verified.' }) };
    expect(reasonOf(error)).toBe('MessageRejected: Email address is not verified.');
    expect(reasonOf({ Error: 'States.Timeout' })).toBe('States.Timeout');
    expect(reasonOf({ Error: 'MailPermanent', Cause: 'MessageRejected: no' })).toBe('MessageRejected: no');
    expect(await markFailed({ ...input, error })).toEqual({ outcome: 'failed' });
    const failed = ddb.commandCalls(UpdateCommand)[0]!.args[0].input;
    expect(failed).toMatchObject({ Key: keys.recipient('2024', CASE_ID), ExpressionAttributeValues: { ':why': 'MessageRejected: Email address is not verified.' } });
  });
});

describe('the notice', () => {
  it('names the case, the edition, the materials deadline in the edition time zone and the contact; collection owners get their own wording', () => {
    const record = { ...selected, ownerId: 'ann' } as never;
    const outstanding = selectionNotice('en', record, edition as never);
    expect(outstanding.text).toContain(completeFields.title);
    expect(outstanding.text).toContain('Practice cases 2024');
    expect(outstanding.text).toContain('24:00, 1 September 2024 (Beijing time)');
    expect(outstanding.text).toContain('WIC secretariat <cases@example.org>');
    expect(outstanding.html).toContain(`<b>${completeFields.title}</b>`);
    const collection = selectionNotice('en', { ...selected, decision: 'collection' } as never, edition as never);
    expect(collection.subject).toBe(`Selected for the case collection: ${CASE_ID}`);
    const unconfirmed = selectionNotice('en', { ...selected, contactConfirmedEmail: undefined } as never, edition as never);
    expect({ to: unconfirmed.to, cc: unconfirmed.cc }).toEqual({ to: ['ann@example.org'], cc: [] });
    const injected = selectionNotice('en', { ...selected, title: 'Hi\r\nBcc: victim@example.org' } as never, edition as never);
    expect(injected.subject).toBe(`Outstanding case: ${CASE_ID}`);
    expect(collection.text).not.toContain('presentation');
    const hostile = selectionNotice('en', { ...selected, title: '<script>alert(1)</script>' } as never, edition as never);
    expect(hostile.html).not.toContain('<script>');
  });
});
