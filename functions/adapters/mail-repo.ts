/**
 * Mail records and their queue. A mail is written in the same transaction as the change that causes it,
 * so it cannot be lost; it is sent after, by whoever claims it first (a lease), and its outcome recorded.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { MAIL_LEASE_SECONDS, MAX_MAIL_ATTEMPTS, mailBackoffSeconds, type MailRecord } from '#domain/mail';
import { ddb, env } from './clients.ts';
import { INDEXES, keys, MAIL_SHARDS, recordOf } from './table-design.ts';
import type { TransactItem } from './transact.ts';

export type { MailRecord };

const strip = (item: Record<string, unknown>) => recordOf<MailRecord>(item);

/** The Put that records a new pending mail, for the transaction of the change that causes it. */
export function mailPut(m: MailRecord): TransactItem {
  return {
    Put: {
      TableName: env.TABLE_NAME,
      Item: { ...keys.mail(m.mailId), ...keys.mailQueue(m.mailId, m.nextAttemptAt), type: 'mail', ...m },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

const plus = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();

/**
 * Takes the mail for one attempt if it is still pending and due: pushes its next attempt past a lease, so
 * no other sender takes it meanwhile. Undefined when someone else has it, or it is sent or given up.
 */
export async function claimMail(mailId: string, now: Date): Promise<MailRecord | undefined> {
  const until = plus(now, MAIL_LEASE_SECONDS);
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: env.TABLE_NAME,
        Key: keys.mail(mailId),
        UpdateExpression: 'SET nextAttemptAt = :until, gsi1sk = :qsk, attempts = attempts + :one, updatedAt = :now',
        ConditionExpression: '#s = :pending AND nextAttemptAt <= :now',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':until': until, ':qsk': keys.mailQueue(mailId, until).gsi1sk, ':one': 1, ':now': now.toISOString(), ':pending': 'pending' },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return out.Attributes ? strip(out.Attributes) : undefined;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}

export async function recordSent(m: MailRecord, messageId: string, now: Date): Promise<void> {
  await ddb.send(
    new UpdateCommand({
      TableName: env.TABLE_NAME,
      Key: keys.mail(m.mailId),
      UpdateExpression: 'SET #s = :sent, messageId = :id, updatedAt = :now REMOVE gsi1pk, gsi1sk, lastError',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':id': messageId, ':now': now.toISOString() },
    }),
  );
}

/** Records a failed attempt: due again after a backoff, or given up (failed) when permanent or out of attempts. */
export async function recordFailure(m: MailRecord, error: string, permanent: boolean, now: Date): Promise<'retry' | 'failed'> {
  const giveUp = permanent || m.attempts >= MAX_MAIL_ATTEMPTS;
  const next = plus(now, mailBackoffSeconds(m.attempts));
  await ddb.send(
    new UpdateCommand({
      TableName: env.TABLE_NAME,
      Key: keys.mail(m.mailId),
      UpdateExpression: giveUp
        ? 'SET #s = :failed, lastError = :err, updatedAt = :now REMOVE gsi1pk, gsi1sk'
        : 'SET lastError = :err, nextAttemptAt = :next, gsi1sk = :qsk, updatedAt = :now',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: giveUp
        ? { ':failed': 'failed', ':err': error.slice(0, 1000), ':now': now.toISOString() }
        : { ':err': error.slice(0, 1000), ':next': next, ':qsk': keys.mailQueue(m.mailId, next).gsi1sk, ':now': now.toISOString() },
    }),
  );
  return giveUp ? 'failed' : 'retry';
}

/** Ids of mails due at `now`, from every queue shard, oldest first within each. */
export async function dueMailIds(now: Date, perShard = 25): Promise<string[]> {
  const idx = INDEXES.gsi1;
  const pages = await Promise.all(
    Array.from({ length: MAIL_SHARDS }, (_, shard) =>
      ddb.send(
        new QueryCommand({
          TableName: env.TABLE_NAME,
          IndexName: idx.name,
          KeyConditionExpression: '#pk = :pk AND #sk <= :due',
          ExpressionAttributeNames: { '#pk': idx.partitionKey, '#sk': idx.sortKey },
          ExpressionAttributeValues: { ':pk': keys.mailQueuePartition(shard), ':due': `${now.toISOString()}#~` },
          Limit: perShard,
        }),
      ),
    ),
  );
  return pages.flatMap((p) => (p.Items ?? []).map((i) => String(i.mailId)));
}
