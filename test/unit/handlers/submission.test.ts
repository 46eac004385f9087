import { effectOf } from '../../support/update-expression.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { handler as submitCase } from '../../../functions/cases/submit-case.ts';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as mails from '#adapters/mail-repo';
import * as mailer from '#adapters/mailer';
import * as preferences from '#adapters/preferences-repo';
import { logger } from '#shared/logger';
import { attemptMail as attempt } from '#use-cases/mail/send-mail';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, cancelled, CASE_ID, caseFound, caseItem, caseRead, completeFields, editionItem, editionReads } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const attemptMail = (mailId: string) => attempt({ cases, editions, mails, mailer, preferences, clock: () => new Date(), log: logger }, mailId);
const ses = mockClient(SESClient);
const DEADLINE = '2024-06-20T16:00:00.000Z';
const submit = () => invoke(submitCase, apiEvent(routes.submitCase, { path: `/cases/${CASE_ID}/submit`, who: ann }));
const at = (iso: string) => vi.setSystemTime(new Date(iso));

beforeEach(async () => {
  ddb.reset();
  ses.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  ddb.on(QueryCommand).resolves({ Items: [] });
  caseRead(ddb).resolves(caseFound(caseItem(completeFields)));
  ddb.on(TransactWriteCommand).resolves({});
  ddb.on(UpdateCommand).resolves({ Attributes: { mailId: 'M', status: 'pending', attempts: 1, to: ['ann@example.org'], cc: [], subject: 's', text: 't', html: 'h' } });
  ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
  await editionReads(ddb, editionItem({ deadline: DEADLINE }));
  ddb.on(GetCommand, { Key: keys.preferences('ann') }).resolves({});
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

  it('judges the deadline by when API Gateway received the request: one that arrived 1 ms before it is stamped then, though a cold start ran it 250 ms after', async () => {
    at('2024-06-20T16:00:00.250Z');
    const arrivedAt = (iso: string) => {
      const event = apiEvent(routes.submitCase, { path: `/cases/${CASE_ID}/submit`, who: ann });
      event.requestContext.requestTimeEpoch = Date.parse(iso);
      return invoke(submitCase, event);
    };
    const ok = await arrivedAt('2024-06-20T15:59:59.999Z');
    expect(ok.status).toBe(200);
    expect(ok.json?.receipt).toMatchObject({ submittedAt: '2024-06-20T15:59:59.999Z' });
    // The transaction's own deadline check uses the same instant.
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[0]!.ConditionCheck?.ExpressionAttributeValues).toMatchObject({ ':now': '2024-06-20T15:59:59.999Z' });
    expect((await arrivedAt(DEADLINE)).json?.code).toBe('deadline-passed');
  });

  it('accepts an extension holder one millisecond before their extension ends and refuses at it, through the extension item', async () => {
    const until = '2024-06-22T16:00:00.000Z';
    await editionReads(ddb, editionItem({ deadline: DEADLINE }), { ...keys.extension('2024', 'ann'), editionId: '2024', sub: 'ann', deadline: until, reason: 'r', grantedBy: 'o', grantedAt: DEADLINE });
    at('2024-06-22T15:59:59.999Z');
    expect((await submit()).status).toBe(200);
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[0]!.ConditionCheck).toMatchObject({ Key: keys.extension('2024', 'ann'), ExpressionAttributeValues: { ':now': '2024-06-22T15:59:59.999Z' } });
    at(until);
    expect((await submit()).json?.code).toBe('deadline-passed');
  });

  it('reads the case with its attachments, then the edition, then writes the case with its confirmation slot and the queued mail in one transaction: three round trips, no SES call', async () => {
    at('2024-06-01T00:00:00.000Z');
    expect((await submit()).status).toBe(200);
    const calls = ddb.calls().map((c) => c.args[0].constructor.name);
    expect(calls).toEqual(['QueryCommand', 'BatchGetCommand', 'TransactWriteCommand']);
    expect(ddb.commandCalls(QueryCommand)[0]!.args[0].input).toMatchObject({ ConsistentRead: true, ExpressionAttributeValues: { ':from': keys.attachmentPrefix } });
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx).toHaveLength(3);
    // The texts are not rewritten: a submit changes the case item alone.
    expect(tx.some((i) => i.Put?.Item?.sk === keys.caseText(CASE_ID).sk)).toBe(false);
    const { set } = effectOf(tx[1]!.Update);
    expect(set).toMatchObject({ status: 'submitted', version: 3, receipt: { submittedAt: '2024-06-01T00:00:00.000Z' } });
    expect(set).not.toHaveProperty('description');
    // Submitted, the case enters its edition's ranking (gsi3), in its shard.
    expect(set).toMatchObject(keys.caseRankPartition('2024', CASE_ID));
    // To the owner's own address only: the contact (a@example.org) never confirmed theirs. No free text in the subject.
    // Not rendered yet: the stream's mail function renders it when it sends it.
    const mail = tx[2]!.Put?.Item;
    expect(mail).toMatchObject({ kind: 'submission-confirmation', status: 'pending', to: ['ann@example.org'], cc: [], subject: `Case submitted: ${CASE_ID}`, nextAttemptAt: '2024-06-01T00:00:00.000Z' });
    expect(mail).not.toHaveProperty('text');
    expect(set).toMatchObject({ confirmation: { mailId: mail?.mailId, dueAt: '2024-06-01T00:00:00.000Z' } });
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
    expect(ddb).not.toHaveReceivedCommand(GetCommand);
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
  });

  it('reads attachments with the case: one still being verified refuses the submit (422), in the same round trip', async () => {
    at('2024-06-01T00:00:00.000Z');
    const pending = { ...keys.attachment(CASE_ID, 'A1'), type: 'attachment', attachmentId: 'A1', caseId: CASE_ID, fileName: 'report.pdf', status: 'pending', purpose: 'supporting' };
    caseRead(ddb).resolves({ Items: [pending, ...caseFound(caseItem(completeFields)).Items] });
    const res = await submit();
    expect(res.status).toBe(422);
    expect(res.json?.errors).toEqual([expect.objectContaining({ path: 'attachments.A1', code: 'attachment-pending' })]);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('queues a re-submit within the hour of the last confirmation for the end of that hour, and sends nothing now', async () => {
    at('2024-06-01T00:10:00.000Z');
    caseRead(ddb).resolves(caseFound(caseItem({ ...completeFields, confirmation: { mailId: 'M0', dueAt: '2024-06-01T00:00:00.000Z' } })));
    const res = await submit();
    expect(res.status).toBe(200);
    expect(res.json?.receipt).toMatchObject({ submittedAt: '2024-06-01T00:10:00.000Z' });
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[2]!.Put?.Item).toMatchObject({ kind: 'submission-confirmation', nextAttemptAt: '2024-06-01T01:00:00.000Z' });
    expect(effectOf(tx[1]!.Update).set).toMatchObject({ confirmation: { mailId: tx[2]!.Put?.Item?.mailId, dueAt: '2024-06-01T01:00:00.000Z' } });
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('queues nothing more while a confirmation waits (it will say the latest receipt), and still answers with the new receipt', async () => {
    at('2024-06-01T00:20:00.000Z');
    caseRead(ddb).resolves(caseFound(caseItem({ ...completeFields, confirmation: { mailId: 'M1', dueAt: '2024-06-01T01:00:00.000Z' } })));
    const res = await submit();
    expect(res.status).toBe(200);
    expect(res.json?.receipt).toMatchObject({ submittedAt: '2024-06-01T00:20:00.000Z' });
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx).toHaveLength(2);
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

});

describe('sending a recorded mail', () => {
  beforeEach(() => at('2024-06-01T00:00:00.000Z'));

  it('claims, sends, records sent and takes it off the queue', async () => {
    expect(await attemptMail('M')).toBe('sent');
    const [, sent] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
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

  it('renders a confirmation when it is sent: the receipt current then, to the owner, the contact copied only once confirmed', async () => {
    const claimedConfirmation = { mailId: 'M', kind: 'submission-confirmation', caseId: CASE_ID, editionId: '2024', status: 'pending', attempts: 1, to: ['ann@example.org'], cc: [], subject: 'old', text: 'old receipt', html: 'old' };
    ddb.on(UpdateCommand).resolves({ Attributes: claimedConfirmation });
    const latest = { submittedAt: '2024-06-01T00:40:00.000Z', sha256: 'f'.repeat(64) };
    const submitted = caseItem({ ...completeFields, status: 'submitted', receipt: latest, version: 7 });
    caseRead(ddb).resolves(caseFound(submitted));
    expect(await attemptMail('M')).toBe('sent');
    const sent = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(sent.Destination).toEqual({ ToAddresses: ['ann@example.org'], CcAddresses: [] });
    expect(sent.Message?.Body?.Text?.Data).toContain(latest.sha256);
    expect(sent.Message?.Subject?.Data).toBe(`Case submitted: ${CASE_ID}`);
    // What went out is what the record keeps.
    expect(ddb.commandCalls(UpdateCommand).at(-1)!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':cc': [], ':subject': `Case submitted: ${CASE_ID}` });

    caseRead(ddb).resolves(caseFound({ ...submitted, contactConfirmedEmail: 'a@example.org' }));
    expect(await attemptMail('M')).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)[1]!.args[0].input.Destination).toEqual({ ToAddresses: ['ann@example.org'], CcAddresses: ['a@example.org'] });
  });

  it("renders a confirmation in its owner's preferred language, else in the case's", async () => {
    const claimedConfirmation = { mailId: 'M', kind: 'submission-confirmation', caseId: CASE_ID, editionId: '2024', status: 'pending', attempts: 1, to: ['ann@example.org'], cc: [], subject: `Case submitted: ${CASE_ID}` };
    ddb.on(UpdateCommand).resolves({ Attributes: claimedConfirmation });
    const receipt = { submittedAt: '2024-06-20T16:00:00.000Z', sha256: 'e'.repeat(64) };
    const submitted = caseItem({ ...completeFields, titleZh: '联合应急响应培训', status: 'submitted', receipt });
    caseRead(ddb).resolves(caseFound(submitted));
    ddb.on(GetCommand, { Key: keys.preferences('ann') }).resolves({ Item: { ...keys.preferences('ann'), type: 'preferences', locale: 'zh-CN', chosen: true, updatedAt: '2024-06-01T00:00:00.000Z' } });
    expect(await attemptMail('M')).toBe('sent');
    const zh = ses.commandCalls(SendEmailCommand)[0]!.args[0].input.Message!;
    expect(zh.Subject?.Data).toBe(`案例已提交：${CASE_ID}`);
    expect(zh.Body?.Text?.Data).toContain('您的案例“联合应急响应培训”已提交至');
    expect(zh.Body?.Text?.Data).toContain('提交时间：2024年6月20日 24:00（北京时间），2024年6月20日 16:00（UTC）');
    expect(zh.Body?.Html?.Data).toContain('<b>联合应急响应培训</b>');
    // What went out is what the record keeps.
    expect(ddb.commandCalls(UpdateCommand).at(-1)!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':subject': `案例已提交：${CASE_ID}` });

    // No preference stored: the case's language.
    ddb.on(GetCommand, { Key: keys.preferences('ann') }).resolves({});
    caseRead(ddb).resolves(caseFound({ ...submitted, locale: 'zh-CN' }));
    expect(await attemptMail('M')).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)[1]!.args[0].input.Message?.Subject?.Data).toBe(`案例已提交：${CASE_ID}`);
    caseRead(ddb).resolves(caseFound({ ...submitted, locale: 'en' }));
    expect(await attemptMail('M')).toBe('sent');
    expect(ses.commandCalls(SendEmailCommand)[2]!.args[0].input.Message?.Body?.Text?.Data).toContain('Submitted: 24:00, 20 June 2024 (Beijing time), 16:00, 20 June 2024 (UTC)');
  });

  describe("the applicant's daily cap of confirmations, counted when a confirmation is sent", () => {
    const claimed = { mailId: 'M', kind: 'submission-confirmation', caseId: CASE_ID, editionId: '2024', status: 'pending', attempts: 1, to: ['ann@example.org'], cc: [], subject: 's' };
    beforeEach(() => {
      ddb.on(UpdateCommand).resolves({ Attributes: claimed });
      caseRead(ddb).resolves(caseFound(caseItem({ ...completeFields, status: 'submitted', receipt: { submittedAt: '2024-06-01T00:00:00.000Z', sha256: 'a'.repeat(64) } })));
    });

    it('counts it and marks the mail counted in one transaction, then sends it', async () => {
      expect(await attemptMail('M')).toBe('sent');
      const [mark, count] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
      expect(mark!.Update).toMatchObject({ Key: keys.mail('M'), ConditionExpression: 'attribute_not_exists(countedOn)' });
      expect(count!.Update).toMatchObject({ Key: keys.applicantMailDay('ann', '2024-06-01'), ExpressionAttributeNames: { '#n': 'confirmations' } });
      expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    });

    it('cancels it unsent past the cap, with the reason on the record', async () => {
      ddb.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
      expect(await attemptMail('M')).toBe('cancelled');
      expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
      const last = ddb.commandCalls(UpdateCommand).at(-1)!.args[0].input;
      expect(last.UpdateExpression).toContain('#s = :cancelled');
      expect(String(last.ExpressionAttributeValues?.[':why'])).toContain('daily cap');
    });

    it('does not count a mail twice: a retry of one already counted is sent', async () => {
      ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
      expect(await attemptMail('M')).toBe('sent');
      expect(ses).toHaveReceivedCommandTimes(SendEmailCommand, 1);
    });

    it('leaves the mail pending for a retry when counting it fails (throttled): nothing is sent uncounted', async () => {
      ddb.on(TransactWriteCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
      expect(await attemptMail('M')).toBe('retry');
      expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
    });
  });

  it('cancels a confirmation whose case was withdrawn before it was due', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { mailId: 'M', kind: 'submission-confirmation', caseId: CASE_ID, editionId: '2024', status: 'pending', attempts: 1, to: [], cc: [], subject: 's', text: 't', html: 'h' } });
    caseRead(ddb).resolves(caseFound(caseItem({ ...completeFields, status: 'withdrawn' })));
    expect(await attemptMail('M')).toBe('cancelled');
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
    expect(ddb.commandCalls(UpdateCommand).at(-1)!.args[0].input.UpdateExpression).toContain('#s = :cancelled');
  });

  it('never hands a subject with a line break to SES (header injection), and gives the mail up', async () => {
    ddb.on(UpdateCommand).resolves({ Attributes: { mailId: 'M', status: 'pending', attempts: 1, to: ['ann@example.org'], cc: [], subject: 'Hi\r\nBcc: victim@example.org', text: 't', html: 'h' } });
    expect(await attemptMail('M')).toBe('failed');
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });

  it('sends nothing when another sender holds the mail', async () => {
    ddb.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'x', $metadata: {} }));
    expect(await attemptMail('M')).toBe('not-claimed');
    expect(ses).not.toHaveReceivedCommand(SendEmailCommand);
  });
});
