/**
 * Mail records and their queue. A mail is written in the same transaction as the change that causes it,
 * so it cannot be lost; it is sent after, by whoever claims it first (a lease), and its outcome recorded.
 */
import { MAIL_LEASE_SECONDS, MAX_MAIL_ATTEMPTS, mailBackoffSeconds, type MailMessage, type MailRecord } from '#domain/mail';
import { ENTITIES, INDEXES, keys, MAIL_SHARDS, recordOf, TTL_ATTRIBUTE } from './table-design.ts';
import type { TransactItem } from './table.ts';
import * as table from './table-io.ts';
import { conditionally, tx } from './table.ts';
import { transact } from './transact.ts';

export type { MailRecord };

const strip = (item: Record<string, unknown>) => recordOf<MailRecord>(item);

const DAY_SECONDS = 24 * 3600;
const epochSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/**
 * The Put that records a new pending mail, for the transaction of the change that causes it. A code mail expires
 * (TTL) a day after it was due: the code in it is long dead by then.
 */
export function mailPut(m: MailRecord): TransactItem {
  const ttl = m.kind === 'contact-verification' ? { [TTL_ATTRIBUTE]: epochSeconds(m.nextAttemptAt) + DAY_SECONDS } : {};
  return tx.put({
    Item: { ...keys.mail(m.mailId), ...keys.mailQueue(m.mailId, m.nextAttemptAt), type: ENTITIES.mail.type, ...m, ...ttl },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

export type MailCounter = 'confirmations' | 'contactCodes';

/** The update that counts one more mail of an applicant's on a UTC day, if under `cap`; it expires two days after its day. */
function mailCountUpdate(sub: string, day: string, counter: MailCounter, cap: number) {
  return {
    Key: keys.applicantMailDay(sub, day),
    UpdateExpression: 'SET #type = :type, #ttl = :ttl ADD #n :one',
    ConditionExpression: 'attribute_not_exists(#n) OR #n < :cap',
    ExpressionAttributeNames: { '#n': counter, '#type': 'type', '#ttl': TTL_ATTRIBUTE },
    ExpressionAttributeValues: { ':one': 1, ':cap': cap, ':type': ENTITIES.applicantMailDay.type, ':ttl': epochSeconds(`${day}T00:00:00Z`) + 3 * DAY_SECONDS },
  };
}

/** One more mail of an applicant's on a UTC day, if under `cap`: for the transaction that queues it, so the cap holds under concurrency. */
export function applicantMailCount(sub: string, day: string, counter: MailCounter, cap: number): TransactItem {
  return tx.update(mailCountUpdate(sub, day, counter, cap));
}

/**
 * Counts a submission confirmation against its applicant's daily cap, once: the count and the mail's mark that it
 * was counted are one transaction, so a retry after a crash neither counts it again nor skips the count.
 */
export function countConfirmation(m: Pick<MailRecord, 'mailId'>, sub: string, day: string, cap: number): Promise<'ok' | 'counted-before' | 'cap-reached'> {
  return transact([
    {
      item: tx.update({
        Key: keys.mail(m.mailId),
        UpdateExpression: 'SET countedOn = :day',
        ConditionExpression: 'attribute_not_exists(countedOn)',
        ExpressionAttributeValues: { ':day': day },
      }),
      onFail: 'counted-before' as const,
    },
    { item: applicantMailCount(sub, day, 'confirmations', cap), onFail: 'cap-reached' as const },
  ]);
}

const plus = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/**
 * Takes the mail for one attempt if it is still pending and due: pushes its next attempt past a lease, so
 * no other sender takes it meanwhile. Undefined when someone else has it, or it is sent or given up.
 */
export async function claimMail(mailId: string, now: Date): Promise<MailRecord | undefined> {
  const until = plus(now, MAIL_LEASE_SECONDS);
  const out = await conditionally(table.update({
    Key: keys.mail(mailId),
    UpdateExpression: 'SET nextAttemptAt = :until, gsi1sk = :qsk, attempts = attempts + :one, updatedAt = :now',
    ConditionExpression: '#s = :pending AND nextAttemptAt <= :now',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':until': until, ':qsk': keys.mailQueue(mailId, until).gsi1sk, ':one': 1, ':now': now.toISOString(), ':pending': 'pending' },
    ReturnValues: 'ALL_NEW',
  }));
  return out?.Attributes ? strip(out.Attributes) : undefined;
}

/** What a sent code mail keeps of its text: the code is not kept in clear once it has left. */
export const SENT_CODE_TEXT = '(the confirmation code, removed once sent)';

/**
 * Records the mail sent, as it went out (`sent`: a confirmation is rendered when it is sent). A code mail keeps
 * its recipients and subject, not the code.
 */
export async function recordSent(m: MailRecord, messageId: string, now: Date, sent: MailMessage): Promise<void> {
  const body = m.kind === 'contact-verification' ? { text: SENT_CODE_TEXT, html: SENT_CODE_TEXT } : { text: sent.text, html: sent.html };
  await table.update({
    Key: keys.mail(m.mailId),
    UpdateExpression: 'SET #s = :sent, messageId = :id, updatedAt = :now, #to = :to, cc = :cc, subject = :subject, #text = :text, html = :html REMOVE gsi1pk, gsi1sk, lastError',
    ExpressionAttributeNames: { '#s': 'status', '#to': 'to', '#text': 'text' },
    ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId, ':now': now.toISOString(), ':to': sent.to, ':cc': sent.cc, ':subject': sent.subject, ':text': body.text, ':html': body.html },
  });
}

/** Takes a mail off the queue unsent: when it was due there was nothing left to say (the case was withdrawn). */
export async function recordCancelled(m: MailRecord, reason: string, now: Date): Promise<void> {
  await table.update({
    Key: keys.mail(m.mailId),
    UpdateExpression: 'SET #s = :cancelled, lastError = :why, updatedAt = :now REMOVE gsi1pk, gsi1sk',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':cancelled': 'cancelled', ':why': reason, ':now': now.toISOString() },
  });
}

/** Records a failed attempt: due again after a backoff, or given up (failed) when permanent or out of attempts. */
export async function recordFailure(m: MailRecord, error: string, permanent: boolean, now: Date): Promise<'retry' | 'failed'> {
  const giveUp = permanent || m.attempts >= MAX_MAIL_ATTEMPTS;
  const next = plus(now, mailBackoffSeconds(m.attempts));
  await table.update({
    Key: keys.mail(m.mailId),
    UpdateExpression: giveUp
      ? 'SET #s = :failed, lastError = :err, updatedAt = :now REMOVE gsi1pk, gsi1sk'
      : 'SET lastError = :err, nextAttemptAt = :next, gsi1sk = :qsk, updatedAt = :now',
    // DynamoDB refuses a name the expression does not use: #s only when giving up.
    ...(giveUp ? { ExpressionAttributeNames: { '#s': 'status' } } : {}),
    ExpressionAttributeValues: giveUp
      ? { ':failed': 'failed', ':err': error.slice(0, 1000), ':now': now.toISOString() }
      : { ':err': error.slice(0, 1000), ':next': next, ':qsk': keys.mailQueue(m.mailId, next).gsi1sk, ':now': now.toISOString() },
  });
  return giveUp ? 'failed' : 'retry';
}

/** Ids of mails due at `now`, from every queue shard, oldest first within each. */
export async function dueMailIds(now: Date, perShard = 25): Promise<string[]> {
  const idx = INDEXES.gsi1;
  const pages = await Promise.all(
    Array.from({ length: MAIL_SHARDS }, (_, shard) =>
      table.query({
        IndexName: idx.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :due',
        ExpressionAttributeNames: { '#pk': idx.partitionKey, '#sk': idx.sortKey },
        ExpressionAttributeValues: { ':pk': keys.mailQueuePartition(shard), ':due': `${now.toISOString()}#~` },
        Limit: perShard,
      }),
    ),
  );
  return pages.flatMap((p) => (p.Items ?? []).map((i) => String(i.mailId)));
}
