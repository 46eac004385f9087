import { queryPage } from './paging.ts';
import type { AttachmentRecord } from '#domain/attachment';
import { MAX_ATTACHMENTS_PER_PURPOSE, type Rejection } from '#domain/uploads';
import { batchGet } from './batch.ts';
import { OWNER_MAY_CHANGE } from './cases-repo.ts';
import { ENTITIES, keys, recordOf } from './table-design.ts';
import { deadlineChecks, transact } from './transact.ts';
import * as table from './table-io.ts';
import { conditionally, tx, type TransactItem } from './table.ts';

export type { AttachmentRecord };

const toItem = (a: AttachmentRecord) => ({ ...keys.attachment(a.caseId, a.attachmentId), type: ENTITIES.attachment.type, ...a });

const fromItem = (item: Record<string, unknown>) => recordOf<AttachmentRecord>(item);

export async function getAttachment(caseId: string, attachmentId: string): Promise<AttachmentRecord | undefined> {
  const out = await table.get({ Key: keys.attachment(caseId, attachmentId) });
  return out.Item ? fromItem(out.Item) : undefined;
}

export function listAttachments(caseId: string, limit: number, cursor?: string) {
  return queryPage({ partition: keys.casePartition(caseId), sortPrefix: keys.attachmentPrefix }, limit, cursor, fromItem);
}

/**
 * The conditions under which the owner may add or remove files of a purpose, checked by DynamoDB in the
 * same transaction as the write (the handler checked them a moment before; this makes it race-free).
 */
function windowChecks(a: AttachmentRecord, now: string, viaExtensionOf?: string): TransactItem[] {
  const caseNotWithdrawn = {
    Key: keys.case(a.caseId),
    ConditionExpression: '#s <> :withdrawn',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':withdrawn': 'withdrawn' },
  };
  if (a.purpose === 'supporting') {
    // Supporting files are frozen with the case's content (cases-repo.ts, OWNER_MAY_CHANGE).
    const caseEditable = { ...caseNotWithdrawn, ConditionExpression: `#s <> :withdrawn AND ${OWNER_MAY_CHANGE}` };
    return [...deadlineChecks(a.editionId, now, viaExtensionOf), tx.check(caseEditable)];
  }
  return [
    tx.check({
      Key: keys.edition(a.editionId),
      ConditionExpression: 'materialsDeadline > :now',
      ExpressionAttributeValues: { ':now': now },
    }),
    tx.check({
      ...caseNotWithdrawn,
      ConditionExpression: '#s <> :withdrawn AND decision = :outstanding AND attribute_exists(notifiedAt)',
      ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':outstanding': 'outstanding' },
    }),
  ];
}

const countChange = (a: AttachmentRecord, delta: 1 | -1): TransactItem => tx.update({
  Key: keys.uploadCounts(a.caseId),
  UpdateExpression: 'ADD #p :d',
  ExpressionAttributeNames: { '#p': a.purpose },
  ExpressionAttributeValues: delta === 1 ? { ':d': 1, ':max': MAX_ATTACHMENTS_PER_PURPOSE } : { ':d': -1 },
  ...(delta === 1 ? { ConditionExpression: 'attribute_not_exists(#p) OR #p < :max' } : {}),
});

export type AddOutcome = 'ok' | 'window-closed' | 'limit-reached';

/** Records a pending attachment, counted against the purpose's limit, if the window is open at `now`. */
export function addAttachment(a: AttachmentRecord, now: string, viaExtensionOf?: string): Promise<AddOutcome> {
  return transact<'window-closed' | 'limit-reached'>([
    ...windowChecks(a, now, viaExtensionOf).map((item) => ({ item, onFail: 'window-closed' as const })),
    { item: countChange(a, 1), onFail: 'limit-reached' },
    { item: tx.put({ Item: toItem(a), ConditionExpression: 'attribute_not_exists(pk)' }) },
  ]);
}

export type RemoveOutcome = 'ok' | 'window-closed' | 'changed';

/** Removes the attachment record as it was read (`a.status`), if the window is open at `now`. */
export function removeAttachment(a: AttachmentRecord, now: string, viaExtensionOf?: string): Promise<RemoveOutcome> {
  return transact<'window-closed' | 'changed'>([
    ...windowChecks(a, now, viaExtensionOf).map((item) => ({ item, onFail: 'window-closed' as const })),
    {
      item: tx.delete({
        Key: keys.attachment(a.caseId, a.attachmentId),
        ConditionExpression: '#s = :seen',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':seen': a.status },
      }),
      onFail: 'changed',
    },
    // A rejected attachment no longer counts.
    ...(a.status === 'rejected' ? [] : [{ item: countChange(a, -1) }]),
  ]);
}

/**
 * The condition that the attachment is pending and that its verification is `claim`'s (or nobody's, without a
 * claim): one upload form may be posted several times, and only the object that claimed it may decide it.
 */
function pendingFor(claim: string | undefined) {
  return {
    ConditionExpression: claim === undefined ? '#s = :pending AND attribute_not_exists(verifying)' : '#s = :pending AND verifying = :claim',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending', ...(claim === undefined ? {} : { ':claim': claim }) },
  };
}

/**
 * Claims a pending attachment's verification for one stored object (its version id, or ETag): true when it is
 * this object's (now, or already: a repeated event or a retry), false when it is no longer pending or another
 * object of the same upload form holds it. Only the holder copies into cases/ and decides the status.
 */
export async function claimVerification(a: AttachmentRecord, claim: string): Promise<boolean> {
  return (await conditionally(table.update({
    Key: keys.attachment(a.caseId, a.attachmentId),
    UpdateExpression: 'SET verifying = :claim',
    ConditionExpression: '#s = :pending AND (attribute_not_exists(verifying) OR verifying = :claim)',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':pending': 'pending', ':claim': claim },
  }))) !== undefined;
}

/**
 * pending → ready, by the holder of the claim. False when the attachment is gone or no longer pending (deleted,
 * or handled already) or the claim is another's.
 */
export async function markReady(a: AttachmentRecord, sha256: string, now: string, claim?: string): Promise<boolean> {
  const cond = pendingFor(claim);
  return (await conditionally(table.update({
    Key: keys.attachment(a.caseId, a.attachmentId),
    UpdateExpression: 'SET #s = :ready, sha256 = :sha, updatedAt = :now REMOVE verifying',
    ...cond,
    ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ':ready': 'ready', ':sha': sha256, ':now': now },
  }))) !== undefined;
}

/**
 * pending → rejected with a reason, and the file no longer counts. False when it was not pending, or another
 * object holds the claim (without `claim`: when any does).
 */
export async function markRejected(a: AttachmentRecord, reason: Rejection, now: string, claim?: string): Promise<boolean> {
  const cond = pendingFor(claim);
  const outcome = await transact<'not-pending'>([
    {
      item: tx.update({
        Key: keys.attachment(a.caseId, a.attachmentId),
        UpdateExpression: 'SET #s = :rejected, rejection = :reason, updatedAt = :now REMOVE verifying',
        ...cond,
        ExpressionAttributeValues: { ...cond.ExpressionAttributeValues, ':rejected': 'rejected', ':reason': reason, ':now': now },
      }),
      onFail: 'not-pending',
    },
    { item: countChange(a, -1) },
  ]);
  return outcome === 'ok';
}

/** The live attachment counts of many cases, per purpose (a case without any is absent). */
export async function uploadCountsOf(caseIds: string[]): Promise<Map<string, Partial<Record<AttachmentRecord['purpose'], number>>>> {
  const items = await batchGet(caseIds.map((id) => keys.uploadCounts(id)));
  return new Map(items.map((i) => [keys.caseIdOfPartition(String(i.pk))!, { supporting: Number(i.supporting ?? 0), presentation: Number(i.presentation ?? 0) }]));
}
