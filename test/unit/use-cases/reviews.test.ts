/**
 * The committee's use cases with plain fake ports: no AWS client, no mock of one. Each fake is an object with
 * only the functions the use case calls.
 */
import { describe, expect, it, vi } from 'vitest';
import type { TransactItem } from '#adapters/table';
import type { Caller } from '#domain/caller';
import type { AuditRecord, EditionRecord } from '#domain/edition';
import type { ReviewerRecord, ReviewRecord } from '#domain/review';
import { assignReviewer } from '#use-cases/reviews/assign-reviewer';
import { declareConflict } from '#use-cases/reviews/declare-conflict';
import { putMyReview, type PutMyReviewInput } from '#use-cases/reviews/put-my-review';
import { CASE_ID, edition, NOW, olga, submitted } from './committee-records.ts';

const rita: Caller = { sub: 'rita', email: 'rita@example.org', groups: ['reviewers'] };
const assigned: ReviewerRecord = { caseId: CASE_ID, editionId: '2024', sub: 'rita', state: 'assigned', assignedAt: '2024-06-01T00:00:00.000Z', assignedBy: 'olga' };
const stored: ReviewRecord = {
  caseId: CASE_ID, editionId: '2024', reviewerId: 'rita', reviewerEmail: 'rita@example.org', scores: { innovation: 5, impact: 5, cooperation: 5, sustainability: 5 },
  recommendation: 'collection', createdAt: '2024-06-01T01:00:00.000Z', updatedAt: '2024-06-01T01:00:00.000Z', version: 1,
};

/** A write the use case plans, named so the test can read the transaction's order. */
const item = (name: string): TransactItem => ({ ConditionCheck: { TableName: name, Key: {}, ConditionExpression: name } });
const names = (items: { item: TransactItem }[]) => items.map((i) => i.item.ConditionCheck?.TableName);

/** The ports of a reviewer's change on a case: the case, its edition, the caller's pair and the reviews stored. */
function reviewerPorts(o: { edition?: EditionRecord; reviews?: ReviewRecord[]; pair?: ReviewerRecord } = {}) {
  const auditedTransact = vi.fn(async (_items: { item: TransactItem }[], _audit: AuditRecord[]) => 'ok' as const);
  return {
    auditedTransact,
    ports: {
      cases: { getCase: async () => submitted() },
      editions: { getEditionFor: async () => ({ edition: o.edition ?? edition() }) },
      reviews: {
        getReviewer: async () => o.pair ?? assigned,
        allReviews: async () => o.reviews ?? [],
        reviewPut: () => item('review'),
        reviewedUpdate: () => item('pair'),
        conflictUpdate: () => item('conflict'),
        reviewDelete: () => item('review-delete'),
        aggregateUpdate: () => item('aggregate'),
      },
      transactions: { editionClosedCheck: () => item('edition') },
      audit: { auditedTransact },
    },
  };
}

const review = (over: Partial<PutMyReviewInput> = {}): PutMyReviewInput => ({
  caseId: CASE_ID, scores: { innovation: 9, impact: 9, cooperation: 9, sustainability: 9 }, recommendation: 'outstanding',
  ifMatch: undefined, caller: rita, now: NOW, ...over,
});

describe('putMyReview', () => {
  it('saves a first review with the pair and the aggregate in one transaction behind the edition check', async () => {
    const { ports, auditedTransact } = reviewerPorts();
    const saved = await putMyReview(ports, review());
    expect(saved.created).toBe(true);
    expect(saved.review).toMatchObject({ reviewerId: 'rita', reviewerEmail: 'rita@example.org', recommendation: 'outstanding', version: 1, createdAt: NOW.toISOString() });
    expect(names(auditedTransact.mock.calls[0]![0])).toEqual(['edition', 'review', 'pair', 'aggregate']);
  });

  it('answers 412 when If-Match names another version of the review, and writes nothing', async () => {
    const { ports, auditedTransact } = reviewerPorts({ reviews: [stored] });
    await expect(putMyReview(ports, review({ ifMatch: 4 }))).rejects.toMatchObject({ code: 'precondition-failed', message: 'Your review is at version 1.' });
    expect(auditedTransact).not.toHaveBeenCalled();
  });

  it('answers 409 once the results are released', async () => {
    const { ports, auditedTransact } = reviewerPorts({ edition: edition({ releasedAt: '2024-06-01T00:00:00.000Z' }) });
    await expect(putMyReview(ports, review())).rejects.toMatchObject({ code: 'conflict' });
    expect(auditedTransact).not.toHaveBeenCalled();
  });
});

describe('declareConflict', () => {
  it('records the conflict, deletes the review and recomputes the aggregate, with an audit entry', async () => {
    const { ports, auditedTransact } = reviewerPorts({ reviews: [stored] });
    const declared = await declareConflict(ports, { caseId: CASE_ID, reason: 'My employer', caller: rita, now: NOW });
    expect(declared).toMatchObject({ state: 'conflicted', conflictReason: 'My employer', declaredAt: NOW.toISOString() });
    const [items, audit] = auditedTransact.mock.calls[0]!;
    expect(names(items)).toEqual(['edition', 'conflict', 'review-delete', 'aggregate']);
    expect(audit).toEqual([expect.objectContaining({ action: 'conflict-declared', subject: CASE_ID, details: { reason: 'My employer', reviewDeleted: 'true' } })]);
  });
});

describe('assignReviewer', () => {
  it("refuses an organiser the reviewers of their own case (403) and writes nothing", async () => {
    const auditedTransact = vi.fn(async () => 'ok' as const);
    const ports = {
      cases: { getCases: async () => [submitted({ ownerId: 'olga' })] },
      editions: { getEditions: async () => new Map([['2024', edition()]]) },
      reviews: {
        getReviewers: async () => [], countReviewers: async () => 0, allReviews: async () => [],
        aggregateUpdate: () => item('aggregate'), caseCheck: () => item('case'), assignPut: () => item('assign'),
        unassignDelete: () => item('unassign'), reviewDelete: () => item('review-delete'),
      },
      transactions: { editionClosedCheck: () => item('edition') },
      audit: { auditedTransact },
    };
    await expect(assignReviewer(ports, { caseId: CASE_ID, sub: 'rita', caller: olga, now: NOW })).rejects.toMatchObject({ code: 'forbidden' });
    expect(auditedTransact).not.toHaveBeenCalled();
  });
});
