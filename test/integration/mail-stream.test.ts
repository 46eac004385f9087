/**
 * The outbox on DynamoDB Local's stream: a mail written in a transaction reaches the mail function through the local
 * stream poller (lib/local/streams.ts) and is sent exactly once, through SES's real client talking to a fault-injecting
 * stand-in; a refused send stays pending with backoff for the retry worker, which then sends it once. The poller's own
 * contract too: Lambda's record shape, the filter, batch item failures retried from the lowest, dead-lettering.
 * A table of its own on the shared DynamoDB Local: no other test's mails reach these pollers.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { MailRecord } from '../../functions/domain/mail.ts';
import { streamFilter, workers } from '../../functions/shared/workers.ts';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb.ts';
import { startFakeSes, type FakeSes } from '../../lib/local/ses.ts';
import { startStreamPoller, type StreamBinding, type StreamPoller } from '../../lib/local/streams.ts';
import { uniq } from './helpers.ts';

const endpoint = inject('dynamoEndpoint');
const TABLE = uniq('it-stream');
await ensureTable(endpoint, TABLE);
const ses: FakeSes = await startFakeSes({ fault: (to, _subject, attempt) => (to.startsWith('slow-') && attempt === 1 ? 'throttle' : undefined) });
// The production mailer with SES's real client, pointed at the stand-in, and this file's table: set before any handler loads.
Object.assign(process.env, {
  TABLE_NAME: TABLE,
  MAIL_TRANSPORT: 'ses',
  SES_SENDER: 'no-reply@it.example.org',
  SES_CONFIGURATION_SET: 'it-config-set',
  AWS_ENDPOINT_URL_SES: ses.endpoint,
  SES_TIMEOUT_MS: '2000',
});
// The setup file loaded the adapters for the shared table: load them afresh, for this one.
vi.resetModules();
const { ddb, env } = await import('../../functions/adapters/clients.ts');
const { keys } = await import('../../functions/adapters/table-design.ts');
const { mailPut } = await import('../../functions/adapters/mail-repo.ts');
const { transact } = await import('../../functions/adapters/transact.ts');
const { streamBindings } = await import('../../lib/local/environment.ts');
const { retryDue } = await import('../../functions/use-cases/mail/retry-mail.ts');
const retryPorts = {
  cases: await import('../../functions/adapters/cases-repo.ts'),
  editions: await import('../../functions/adapters/editions-repo.ts'),
  mails: await import('../../functions/adapters/mail-repo.ts'),
  mailer: await import('../../functions/adapters/mailer.ts'),
  preferences: await import('../../functions/adapters/preferences-repo.ts'),
  log: (await import('../../functions/shared/logger.ts')).logger,
};

const logs: string[] = [];
const pollers: StreamPoller[] = [];
const poll = async (bindings: StreamBinding[]) => {
  const p = await startStreamPoller({ endpoint, tableName: TABLE, bindings, log: (line) => logs.push(line), pollMs: 50, retryBaseMs: 50 });
  pollers.push(p);
  return p;
};

beforeAll(async () => {
  expect(env.TABLE_NAME).toBe(TABLE); // the adapters were loaded for this file's table
  await poll(streamBindings());
});
afterAll(async () => {
  await Promise.all(pollers.map((p) => p.stop()));
  await ses.stop();
});

/** A contact-code mail (it carries its whole text), recorded pending and due now, as its cause's transaction writes it. */
async function recordMail(to: string, over: Partial<MailRecord> = {}): Promise<MailRecord> {
  const t = new Date().toISOString();
  const mail: MailRecord = {
    mailId: uniq('mail'),
    kind: 'contact-verification',
    caseId: uniq('case'),
    editionId: 'it-stream',
    status: 'pending',
    attempts: 0,
    nextAttemptAt: t,
    to: [to],
    cc: [],
    subject: `Confirmation code for ${to}`,
    text: 'Your code: 123456',
    html: '<p>Your code: 123456</p>',
    createdAt: t,
    updatedAt: t,
    ...over,
  };
  expect(await transact([{ item: mailPut(mail) }])).toBe('ok');
  return mail;
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const sentTo = (to: string) => ses.accepted.filter((m) => m.to[0] === to).length;
const stored = async (mailId: string) => (await ddb.send(new GetCommand({ TableName: TABLE, Key: keys.mail(mailId), ConsistentRead: true }))).Item!;
const SETTLE_MS = 1_000;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

/** A binding with the mail function's filter that records what it is given and answers with `answer`. */
function spy(answer: (event: DynamoDBStreamEvent) => unknown = () => ({ batchItemFailures: [] }), retryAttempts: number = workers.sendNewMail.trigger.retryAttempts) {
  const events: DynamoDBStreamEvent[] = [];
  const binding: StreamBinding = {
    name: 'spy',
    filter: streamFilter(workers.sendNewMail.trigger),
    batchSize: workers.sendNewMail.trigger.batchSize,
    retryAttempts,
    handle: async (event) => {
      events.push(structuredClone(event));
      return answer(event);
    },
  };
  const mailIdsOf = (e: DynamoDBStreamEvent) => e.Records.map((r) => r.dynamodb?.NewImage?.mailId?.S);
  return { binding, events, mailIdsOf, seen: (mailId: string) => events.some((e) => mailIdsOf(e).includes(mailId)) };
}

describe('the outbox on the local stream', () => {
  it('sends a mail written in a transaction exactly once, through the stream, and records it sent', async () => {
    const to = `${uniq('ann')}@example.org`;
    const mail = await recordMail(to);
    await expect.poll(() => sentTo(to), { timeout: 15_000, interval: 50 }).toBe(1);
    await expect.poll(async () => (await stored(mail.mailId)).status, { timeout: 5_000 }).toBe('sent');
    await settle();
    expect(sentTo(to)).toBe(1);

    // A second process over the same table reads the stream from its oldest record again: the claim sends nothing twice.
    const replay = spy();
    await poll([...streamBindings(), replay.binding]);
    await expect.poll(() => replay.seen(mail.mailId), { timeout: 15_000, interval: 50 }).toBe(true);
    expect(sentTo(to)).toBe(1);
  });

  it('leaves a refused send pending with backoff, which the retry worker then sends once', async () => {
    const to = `${uniq('slow')}@example.org`;
    const mail = await recordMail(to);
    await expect.poll(async () => (await stored(mail.mailId)).lastError, { timeout: 15_000, interval: 50 }).toMatch(/Throttling/);
    const after = await stored(mail.mailId);
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(String(after.nextAttemptAt)) - Date.now()).toBeGreaterThan(30_000); // a minute's backoff: not the stream's any more
    expect(sentTo(to)).toBe(0);

    const inAMinute = () => new Date(Date.now() + 61_000);
    expect(await retryDue({ ...retryPorts, clock: inAMinute })).toMatchObject({ sent: 1 });
    expect(await stored(mail.mailId)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await retryDue({ ...retryPorts, clock: inAMinute })).toMatchObject({ sent: 0 });
    await settle();
    expect(sentTo(to)).toBe(1);
  });

  it('leaves a mail due later to the retry worker', async () => {
    const to = `${uniq('later')}@example.org`;
    const mail = await recordMail(to, { nextAttemptAt: inAnHour() });
    const watcher = spy();
    await poll([...streamBindings(), watcher.binding]);
    await expect.poll(() => watcher.seen(mail.mailId), { timeout: 15_000, interval: 50 }).toBe(true);
    expect(sentTo(to)).toBe(0);
    expect(await stored(mail.mailId)).toMatchObject({ status: 'pending', attempts: 0 });
  });
});

describe('the local stream poller', () => {
  it('delivers Lambda-shaped records of new mail items only, and re-delivers a batch from its lowest reported failure', async () => {
    let failedOnce: string | undefined;
    const s = spy((event) => {
      const second = event.Records.find((r) => r.dynamodb?.NewImage?.subject?.S === 'Confirmation code for second@example.org');
      if (!second || failedOnce) return { batchItemFailures: [] };
      failedOnce = second.dynamodb!.SequenceNumber!;
      return { batchItemFailures: [{ itemIdentifier: failedOnce }] };
    });
    await poll([s.binding]);
    const first = await recordMail('first@example.org', { nextAttemptAt: inAnHour() });
    const second = await recordMail('second@example.org', { nextAttemptAt: inAnHour() });
    // Neither an item of another type nor a change to a mail is delivered.
    await ddb.send(new PutCommand({ TableName: TABLE, Item: { pk: `CASE#${uniq('c')}`, sk: 'CASE', type: 'case', mailId: 'not-a-mail' } }));
    await ddb.send(new UpdateCommand({ TableName: TABLE, Key: keys.mail(first.mailId), UpdateExpression: 'SET lastError = :e', ExpressionAttributeValues: { ':e': 'touched' } }));
    const third = await recordMail('third@example.org', { nextAttemptAt: inAnHour() });

    const deliveriesOf = (mailId: string) => s.events.filter((e) => s.mailIdsOf(e).includes(mailId)).length;
    // The second mail is delivered twice (failed, then again), the third at least once (maybe with it).
    await expect.poll(() => deliveriesOf(second.mailId) >= 2 && s.seen(third.mailId), { timeout: 15_000, interval: 50 }).toBe(true);
    await settle();
    const records: DynamoDBRecord[] = s.events.flatMap((e) => e.Records);
    for (const r of records) {
      expect(r).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', eventSourceARN: expect.stringContaining(`table/${TABLE}/stream/`) });
      expect(r.dynamodb).toMatchObject({ NewImage: { type: { S: 'mail' } }, SequenceNumber: expect.any(String), StreamViewType: 'NEW_IMAGE', Keys: { pk: { S: expect.stringMatching(/^MAIL#/) } } });
      expect(r.dynamodb?.NewImage?.attempts).toEqual({ N: expect.any(String) });
    }
    expect(records.map((r) => r.dynamodb?.NewImage?.mailId?.S)).not.toContain('not-a-mail');
    // After the failure: the next delivery starts at the failed record; the one before it is not delivered again.
    const failedAt = s.events.findIndex((e) => e.Records.some((r) => r.dynamodb?.SequenceNumber === failedOnce));
    expect(failedAt).toBeGreaterThanOrEqual(0);
    const retry = s.events.slice(failedAt + 1).find((e) => s.mailIdsOf(e).includes(second.mailId))!;
    expect(retry.Records[0]?.dynamodb?.SequenceNumber).toBe(failedOnce);
    expect(s.mailIdsOf(retry)).not.toContain(first.mailId);
    expect(deliveriesOf(second.mailId)).toBe(2);
  });

  it('retries a failing batch up to its retryAttempts, then logs it as dead-lettered and reads on', async () => {
    const doomed = uniq('doomed');
    const s = spy((event) => {
      if (event.Records.some((r) => r.dynamodb?.NewImage?.caseId?.S === doomed)) throw new Error('the handler broke');
      return { batchItemFailures: [] };
    }, 2);
    await poll([s.binding]);
    await recordMail('doomed@example.org', { caseId: doomed, nextAttemptAt: inAnHour() });
    const deadLettered = () => logs.some((l) => /stream batch for spy .* failed 3 times and is dead-lettered: the handler broke/.test(l));
    await expect.poll(deadLettered, { timeout: 15_000, interval: 50 }).toBe(true);
    expect(s.events.filter((e) => e.Records.some((r) => r.dynamodb?.NewImage?.caseId?.S === doomed))).toHaveLength(3);

    const after = await recordMail('after@example.org', { nextAttemptAt: inAnHour() });
    await expect.poll(() => s.seen(after.mailId), { timeout: 15_000, interval: 50 }).toBe(true);
    expect(s.events.filter((e) => e.Records.some((r) => r.dynamodb?.NewImage?.caseId?.S === doomed))).toHaveLength(3);
  });
});

describe('the local table', () => {
  it('gets the stack\'s stream when it was kept from before the outbox without one', async () => {
    const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    try {
      const name = uniq('it-old');
      await client.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
        }),
      );
      const before = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
      expect(before?.StreamSpecification?.StreamEnabled ?? false).toBe(false);
      await ensureTable(endpoint, name);
      const after = (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
      expect(after?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_IMAGE' });
      expect(after?.LatestStreamArn).toContain(`table/${name}/stream/`);
    } finally {
      client.destroy();
    }
  });
});
