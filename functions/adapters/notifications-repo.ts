/**
 * Notification runs and recipients, in the edition's partition. A recipient is claimed with a conditional
 * write before anything is sent, and every outcome is recorded together with the run's counts in one
 * transaction, so a retried or repeated task never sends twice and never counts twice.
 */
import type { RecipientRecord, RunCounts, RunRecord } from '#domain/notification';
import type { SelectedDecision } from '#domain/vocabulary';
import { EMPTY_COUNTS, runIdOf } from '#domain/notification';
import { queryPage } from './paging.ts';
import { ENTITIES, keys, recordOf } from './table-design.ts';
import { auditedTransact } from './audit.ts';
import { transact } from './transact.ts';
import * as table from './table-io.ts';
import { conditionally, tx, type TransactItem } from './table.ts';

export type { RecipientRecord, RunRecord };

/**
 * A run as stored: its record and the correlation id of the request that started it, which its execution's input
 * carries (runs recorded before it was kept have none).
 */
export type StoredRun = RunRecord & { correlationId?: string };

const runFromItem = (i: Record<string, unknown>) => recordOf<StoredRun>(i);
const recipientFromItem = (i: Record<string, unknown>) => recordOf<RecipientRecord>(i);

export async function getRun(editionId: string, runId: string): Promise<StoredRun | undefined> {
  const out = await table.get({ Key: keys.run(editionId, runId), ConsistentRead: true });
  return out.Item ? runFromItem(out.Item) : undefined;
}

export async function getActiveRun(editionId: string): Promise<{ activeRun?: string; seq: number }> {
  const out = await table.get({ Key: keys.notifyLock(editionId), ConsistentRead: true });
  return { ...(typeof out.Item?.activeRun === 'string' ? { activeRun: out.Item.activeRun } : {}), seq: Number(out.Item?.seq ?? 0) };
}

export const listRuns = (editionId: string, limit: number, cursor?: string) =>
  queryPage({ partition: keys.editionPartition(editionId), sortPrefix: keys.runPrefix, newestFirst: true }, limit, cursor, runFromItem);

export const listRecipients = (editionId: string, limit: number, cursor?: string) =>
  queryPage({ partition: keys.editionPartition(editionId), sortPrefix: keys.recipientPrefix }, limit, cursor, recipientFromItem);

export async function getRecipient(editionId: string, caseId: string): Promise<RecipientRecord | undefined> {
  const out = await table.get({ Key: keys.recipient(editionId, caseId), ConsistentRead: true });
  return out.Item ? recipientFromItem(out.Item) : undefined;
}

/**
 * Takes the edition's notification lock and records a new run, numbered after the last one, with its audit
 * entry. 'busy' while a run holds the lock (the caller answers 409 with it); 'raced' when another start took the
 * same number first. The new run item is the start's outbox: the table's stream hands it to the worker that starts
 * its execution (use-cases/notifications/start-run-workflow.ts), with the request's correlation id.
 */
export async function startRun(
  editionId: string,
  seq: number,
  by: string,
  now: string,
  correlationId: string,
): Promise<{ outcome: 'ok'; run: StoredRun } | { outcome: 'busy' | 'raced' }> {
  const runId = runIdOf(editionId, seq + 1);
  const run: StoredRun = { editionId, runId, status: 'running', startedAt: now, startedBy: by, counts: { ...EMPTY_COUNTS }, correlationId };
  const outcome = await auditedTransact([
    {
      item: tx.update({
        Key: keys.notifyLock(editionId),
        UpdateExpression: 'SET activeRun = :run, seq = :next',
        ConditionExpression: 'attribute_not_exists(activeRun) AND (attribute_not_exists(seq) OR seq = :seq)',
        ExpressionAttributeValues: { ':run': runId, ':next': seq + 1, ':seq': seq },
      }),
      onFail: 'busy' as const,
    },
    { item: tx.put({ Item: { ...keys.run(editionId, runId), type: ENTITIES.run.type, ...run }, ConditionExpression: 'attribute_not_exists(pk)' }), onFail: 'raced' as const },
  ], [{ editionId, at: now, action: 'notifications-started', by, subject: runId, details: {} }]);
  return outcome === 'ok' ? { outcome, run } : { outcome };
}

/**
 * Ends a run with its exact counts and frees the lock (only if this run holds it). Idempotent: the first end is
 * audited (conditioned on the run not being finished yet), a repeated one only rewrites the run. Answers how
 * many abandoned claims it settled.
 */
export async function finishRun(editionId: string, runId: string, status: 'succeeded' | 'failed', now: string, error?: string): Promise<number> {
  const run = await getRun(editionId, runId);
  const exact = run ? await settleAndCount(editionId, runId, now) : undefined;
  const counts = run && exact ? { ...run.counts, sent: exact.sent, failed: exact.failed, skipped: Math.max(0, run.counts.total - exact.sent - exact.failed) } : undefined;
  const runUpdate = (condition: string) => tx.update({
    Key: keys.run(editionId, runId),
    UpdateExpression: `SET #s = :s, finishedAt = if_not_exists(finishedAt, :now)${error ? ', #e = :e' : ''}${counts ? ', counts = :counts' : ''}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: { '#s': 'status', ...(error ? { '#e': 'error' } : {}) },
    ExpressionAttributeValues: { ':s': status, ':now': now, ...(error ? { ':e': error } : {}), ...(counts ? { ':counts': counts } : {}) },
  });
  const unlock: TransactItem = tx.update({
    Key: keys.notifyLock(editionId),
    UpdateExpression: 'REMOVE activeRun',
    ConditionExpression: 'attribute_not_exists(activeRun) OR activeRun = :run',
    ExpressionAttributeValues: { ':run': runId },
  });
  const ended = run && !run.finishedAt
    ? await auditedTransact([{ item: runUpdate('attribute_exists(pk) AND attribute_not_exists(finishedAt)'), onFail: 'already-finished' as const }, { item: unlock }], [
        { editionId, at: now, action: 'notifications-finished', by: run.startedBy, subject: runId, details: { status, ...(error ? { error } : {}), ...(counts ? { sent: String(counts.sent), failed: String(counts.failed), skipped: String(counts.skipped) } : {}) } },
      ])
    : 'already-finished';
  if (ended !== 'ok') await transact([{ item: runUpdate('attribute_exists(pk)') }, { item: unlock }]);
  return exact?.settled ?? 0;
}

export async function countRun(editionId: string, runId: string, field: keyof RunCounts, n = 1): Promise<void> {
  await table.update({
    Key: keys.run(editionId, runId),
    UpdateExpression: 'ADD counts.#f :n',
    ExpressionAttributeNames: { '#f': field },
    ExpressionAttributeValues: { ':n': n },
  });
}

/** Seconds a claim holds a recipient; a claim older than that belongs to a sender that crashed. */
export const CLAIM_SECONDS = 300;

/**
 * Claims a recipient for `runId`: one never sent, released after a throttle, or failed for sure (not
 * uncertain). Answers the claimed record, or undefined with the stored one when it is not to be sent.
 */
export async function claimRecipient(
  r: { editionId: string; caseId: string; email: string; decision: SelectedDecision; runId: string },
  now: Date,
): Promise<{ claimed: RecipientRecord } | { existing: RecipientRecord | undefined }> {
  const t = now.toISOString();
  const out = await conditionally(table.update({
    Key: keys.recipient(r.editionId, r.caseId),
    UpdateExpression:
      'SET #type = :type, editionId = :e, caseId = :c, email = :email, decision = :d, #s = :sending, runId = :run, claimExpiresAt = :exp, updatedAt = :now ADD attempts :one',
    ConditionExpression: 'attribute_not_exists(pk) OR #s = :pending OR (#s = :failed AND attribute_not_exists(uncertain))',
    ExpressionAttributeNames: { '#s': 'status', '#type': 'type' },
    ExpressionAttributeValues: {
      ':type': ENTITIES.recipient.type, ':e': r.editionId, ':c': r.caseId, ':email': r.email, ':d': r.decision, ':run': r.runId, ':now': t, ':one': 1,
      ':exp': new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString(), ':sending': 'sending', ':pending': 'pending', ':failed': 'failed',
    },
    ReturnValues: 'ALL_NEW',
  }));
  if (!out) return { existing: await getRecipient(r.editionId, r.caseId) };
  return { claimed: recipientFromItem(out.Attributes!) };
}

const stillMine = { ConditionExpression: '#s = :sending AND runId = :run' };

/**
 * Sent: the recipient and the case (its owner may now see the decision) together. The run's count is a separate
 * ADD: every send of a run counts on the same item, and in a transaction those would conflict with each other.
 */
export async function recordSent(r: RecipientRecord, messageId: string, now: string): Promise<'ok' | 'lost-claim'> {
  const outcome = await transact([
    {
      item: tx.update({
        Key: keys.recipient(r.editionId, r.caseId),
        UpdateExpression: 'SET #s = :sent, messageId = :m, updatedAt = :now REMOVE claimExpiresAt, lastError',
        ...stillMine,
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':sent': 'sent', ':m': messageId, ':now': now, ':sending': 'sending', ':run': r.runId },
      }),
      onFail: 'lost-claim' as const,
    },
    { item: tx.update({ Key: keys.case(r.caseId), UpdateExpression: 'SET notifiedAt = if_not_exists(notifiedAt, :now)', ExpressionAttributeValues: { ':now': now } }) },
  ]);
  if (outcome === 'ok') await countRun(r.editionId, r.runId, 'sent').catch(() => undefined);
  return outcome;
}

/** A failure: final ('failed', counted), or uncertain (the send may have happened; never resent automatically). */
export async function recordFailed(r: Pick<RecipientRecord, 'editionId' | 'caseId' | 'runId'>, reason: string, now: string, uncertain = false): Promise<'ok' | 'lost-claim'> {
  const out = await conditionally(table.update({
    Key: keys.recipient(r.editionId, r.caseId),
    UpdateExpression: `SET #s = :failed, lastError = :why, updatedAt = :now${uncertain ? ', uncertain = :true' : ''} REMOVE claimExpiresAt`,
    ...stillMine,
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':failed': 'failed', ':why': reason.slice(0, 1000), ':now': now, ':sending': 'sending', ':run': r.runId, ...(uncertain ? { ':true': true } : {}) },
  }));
  if (!out) return 'lost-claim';
  await countRun(r.editionId, r.runId, 'failed').catch(() => undefined);
  return 'ok';
}

/**
 * One pass over the run's recipients at its end: a recipient still 'sending' belongs to a send task that died
 * after its claim (a crash, a Lambda timeout); whether SES got the message is unknown, so it is recorded failed
 * and uncertain (never resent automatically; SES's events settle it). Counts sent (or since delivered, bounced,
 * complained) and failed exactly; the live counters (ADDs) may lag, these replace them.
 */
export async function settleAndCount(editionId: string, runId: string, now: string): Promise<Pick<RunCounts, 'sent' | 'failed'> & { settled: number }> {
  const counts = { sent: 0, failed: 0, settled: 0 };
  let cursor: string | undefined;
  do {
    const page = await listRecipients(editionId, 100, cursor);
    for (const r of page.items.filter((x) => x.runId === runId)) {
      if (r.status === 'sending') {
        if ((await recordFailed(r, 'The send task stopped before recording its outcome; SES may have sent it', now, true)) === 'ok') counts.settled++;
        counts.failed++;
      } else if (r.status === 'failed') counts.failed++;
      else if (r.status !== 'pending') counts.sent++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return counts;
}

/** Gives a claim back after a throttle, so that the workflow's retry can claim it again. */
export async function releaseClaim(r: RecipientRecord, reason: string, now: string): Promise<void> {
  await conditionally(table.update({
    Key: keys.recipient(r.editionId, r.caseId),
    UpdateExpression: 'SET #s = :pending, lastError = :why, updatedAt = :now REMOVE claimExpiresAt',
    ...stillMine,
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending', ':why': reason.slice(0, 1000), ':now': now, ':sending': 'sending', ':run': r.runId },
  }));
}

export type DeliveryKind = 'send' | 'delivered' | 'bounced' | 'complained';

/**
 * An SES event about a message. It applies to the recipient whose message it is, or, for an uncertain one
 * (a send that timed out), settles it: SES did accept the message. Later events win over earlier ones
 * except that a bounce or complaint is never overwritten by a delivery.
 */
export async function applyDeliveryEvent(editionId: string, caseId: string, messageId: string, kind: DeliveryKind, detail: string, now: string): Promise<boolean> {
  const status = kind === 'send' ? 'sent' : kind;
  const settles = 'attribute_exists(uncertain) AND #s = :failed';
  const ours = 'messageId = :m';
  const notWorse = kind === 'delivered' || kind === 'send' ? ' AND NOT #s IN (:bounced, :complained)' : '';
  return (await conditionally(table.update({
    Key: keys.recipient(editionId, caseId),
    UpdateExpression: `SET #s = :status, messageId = :m, updatedAt = :now, lastEvent = :detail REMOVE uncertain${kind === 'send' ? '' : ', lastError'}`,
    ConditionExpression: `attribute_exists(pk) AND ((${ours}${notWorse}${kind === 'send' ? ' AND #s = :failed' : ''}) OR (${settles}))`,
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: {
      ':status': status, ':m': messageId, ':now': now, ':detail': detail.slice(0, 500), ':failed': 'failed',
      ...(notWorse ? { ':bounced': 'bounced', ':complained': 'complained' } : {}),
    },
  }))) !== undefined;
}
