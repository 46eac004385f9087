/**
 * The committee's items: reviewer pairs (assigned or conflicted) and reviews, both in the case's partition,
 * and the review aggregate kept on the case item. Every change that moves the aggregate is one transaction
 * with the aggregate's update, conditioned on the aggregate revision it was computed from (reviewRev), so two
 * reviewers saving at once cannot lose one another's scores.
 */
import type { CaseRecord } from '#domain/case';
import { scoreKey, type ReviewAggregate, type ReviewerRecord, type ReviewRecord } from '#domain/review';
import { batchGet } from './batch.ts';
import { queryPage } from './paging.ts';
import { ENTITIES, INDEXES, keys, recordOf } from './table-design.ts';
import type { TransactItem } from './table.ts';
import * as table from './table-io.ts';
import { tx } from './table.ts';

export type { ReviewerRecord, ReviewRecord };

const reviewerFromItem = (item: Record<string, unknown>) => recordOf<ReviewerRecord>(item);
const reviewFromItem = (item: Record<string, unknown>) => recordOf<ReviewRecord>(item);

export async function getReviewer(caseId: string, sub: string, consistent = false): Promise<ReviewerRecord | undefined> {
  const out = await table.get({ Key: keys.reviewer(caseId, sub), ...(consistent ? { ConsistentRead: true } : {}) });
  return out.Item ? reviewerFromItem(out.Item) : undefined;
}

/** Pairs by (caseId, sub), read together. */
export async function getReviewers(pairs: { caseId: string; sub: string }[]): Promise<ReviewerRecord[]> {
  return (await batchGet(pairs.map((p) => keys.reviewer(p.caseId, p.sub)), true)).map(reviewerFromItem);
}

export function listReviewers(caseId: string, limit: number, cursor?: string) {
  return queryPage({ partition: keys.casePartition(caseId), sortPrefix: keys.reviewerPrefix }, limit, cursor, reviewerFromItem);
}

/** How many reviewers (assigned or conflicted) a case has. */
export async function countReviewers(caseId: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.casePartition(caseId), ':prefix': keys.reviewerPrefix },
      Select: 'COUNT',
      ExclusiveStartKey: start,
    });
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** A reviewer's live assignments, in case order (gsi1, sparse: conflicted pairs are not in it). */
export function listAssignmentsOf(sub: string, limit: number, cursor?: string) {
  return queryPage({ index: INDEXES.gsi1, partition: keys.reviewerPartition(sub), sortPrefix: keys.assignmentPrefix, newestFirst: true }, limit, cursor, reviewerFromItem);
}

export async function getReview(caseId: string, sub: string): Promise<ReviewRecord | undefined> {
  const out = await table.get({ Key: keys.review(caseId, sub), ConsistentRead: true });
  return out.Item ? reviewFromItem(out.Item) : undefined;
}

export function listReviews(caseId: string, limit: number, cursor?: string) {
  return queryPage({ partition: keys.casePartition(caseId), sortPrefix: keys.reviewPrefix }, limit, cursor, reviewFromItem);
}

/** Every review of a case, read strongly consistent (an aggregate is computed from them). */
export async function allReviews(caseId: string): Promise<ReviewRecord[]> {
  const out: ReviewRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.query({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.casePartition(caseId), ':prefix': keys.reviewPrefix },
      ConsistentRead: true,
      ExclusiveStartKey: start,
    });
    out.push(...(page.Items ?? []).map(reviewFromItem));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

// ---------- transaction items ----------

/** What a change to a case's aggregate requires of the case besides its revision. */
export interface CaseRequirement {
  /** The case is still submitted (assigning, reviewing). */
  submitted?: boolean;
  /** No decision is recorded yet (reviews are final once there is one). */
  undecided?: boolean;
}

function requirements(r: CaseRequirement): string[] {
  return [...(r.submitted ? ['#status = :submitted'] : []), ...(r.undecided ? ['attribute_not_exists(decision)'] : [])];
}
const requirementValues = (r: CaseRequirement) => (r.submitted ? { ':submitted': 'submitted' } : {});

/** The case's new aggregate and score key, if the aggregate is still the one read (revision `c.reviewRev`). */
export function aggregateUpdate(c: CaseRecord, aggregate: ReviewAggregate, r: CaseRequirement = {}): TransactItem {
  const rev = c.reviewRev ?? 0;
  const condition = [rev === 0 ? 'attribute_not_exists(reviewRev)' : 'reviewRev = :rev', ...requirements(r)].join(' AND ');
  return tx.update({
    Key: keys.case(c.caseId),
    UpdateExpression: 'SET review = :agg, gsi3sk = :sk, reviewRev = :next',
    ConditionExpression: `attribute_exists(pk) AND ${condition}`,
    ...(r.submitted ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
    ExpressionAttributeValues: {
      ':agg': aggregate,
      ':sk': scoreKey(aggregate, c.caseId),
      ':next': rev + 1,
      ...(rev === 0 ? {} : { ':rev': rev }),
      ...requirementValues(r),
    },
  });
}

/** The case still meets `r` (when its aggregate does not change in the same transaction). */
export function caseCheck(caseId: string, r: CaseRequirement): TransactItem {
  return tx.check({
    Key: keys.case(caseId),
    ConditionExpression: ['attribute_exists(pk)', ...requirements(r)].join(' AND '),
    ...(r.submitted ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
    ...(r.submitted ? { ExpressionAttributeValues: requirementValues(r) } : {}),
  });
}

export function assignPut(p: ReviewerRecord): TransactItem {
  return tx.put({
    Item: { ...keys.reviewer(p.caseId, p.sub), ...keys.assignmentOf(p.sub, p.caseId), type: ENTITIES.reviewer.type, ...p },
    ConditionExpression: 'attribute_not_exists(pk)',
  });
}

const isAssigned = { ConditionExpression: '#state = :assigned', ExpressionAttributeNames: { '#state': 'state' } };

export function unassignDelete(caseId: string, sub: string): TransactItem {
  return tx.delete({ Key: keys.reviewer(caseId, sub), ...isAssigned, ExpressionAttributeValues: { ':assigned': 'assigned' } });
}

/** Turns an assignment into a declared conflict: out of the reviewer's list, and never assignable again. */
export function conflictUpdate(caseId: string, sub: string, reason: string, at: string): TransactItem {
  return tx.update({
    Key: keys.reviewer(caseId, sub),
    UpdateExpression: 'SET #state = :conflicted, conflictReason = :reason, declaredAt = :at REMOVE gsi1pk, gsi1sk',
    ...isAssigned,
    ExpressionAttributeValues: { ':assigned': 'assigned', ':conflicted': 'conflicted', ':reason': reason, ':at': at },
  });
}

/** Marks the pair reviewed, if it is still an assignment. */
export function reviewedUpdate(caseId: string, sub: string, at: string): TransactItem {
  return tx.update({
    Key: keys.reviewer(caseId, sub),
    UpdateExpression: 'SET reviewedAt = :at',
    ...isAssigned,
    ExpressionAttributeValues: { ':assigned': 'assigned', ':at': at },
  });
}

/** Puts a review: new (`expectedVersion` undefined) or replacing the stored one at that version. */
export function reviewPut(r: ReviewRecord, expectedVersion: number | undefined): TransactItem {
  return tx.put({
    Item: { ...keys.review(r.caseId, r.reviewerId), type: ENTITIES.review.type, ...r },
    ...(expectedVersion === undefined
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: '#v = :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':v': expectedVersion } }),
  });
}

export function reviewDelete(caseId: string, sub: string): TransactItem {
  return tx.delete({ Key: keys.review(caseId, sub), ConditionExpression: 'attribute_exists(pk)' });
}
