/**
 * Primary course:
 * 1. The caller is an assigned reviewer of the case (404 otherwise); a conflict declared already is answered as
 *    recorded; the results are not released (409).
 * 2. One transaction: the assignment becomes a recorded conflict (out of their list, never assignable again),
 *    their review (if any) is deleted and the case's aggregate recomputed without it, with an audit entry.
 */
import type { Caller } from '#domain/caller';
import { assertNotReleased } from '#domain/edition';
import { notFound } from '#domain/errors';
import { aggregateOf, type ReviewerRecord } from '#domain/review';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Reviews, Transactions } from '../ports.ts';
import { changeReviews, type ChangeReviewsPorts } from './committee.ts';

export type DeclareConflictPorts = CaseAccessPorts &
  ChangeReviewsPorts & {
    reviews: Pick<Reviews, 'getReviewer' | 'conflictUpdate' | 'reviewDelete' | 'aggregateUpdate'>;
    transactions: Pick<Transactions, 'editionClosedCheck'>;
  };

export async function declareConflict(
  ports: DeclareConflictPorts,
  input: { caseId: string; reason: string; caller: Caller; now: Date },
): Promise<ReviewerRecord> {
  const { caseId, reason, caller } = input;
  const { edition, reviewer } = await caseFor(ports, caseId, caller, 'review');
  if (reviewer?.state === 'conflicted') return reviewer;
  assertNotReleased(edition, 'committee-finished');
  const t = input.now.toISOString();

  return changeReviews<ReviewerRecord>(ports, caseId, async (current, reviews) => {
    const pair = await ports.reviews.getReviewer(caseId, caller.sub, true);
    if (!pair) throw notFound('case');
    if (pair.state === 'conflicted') return { answer: pair };
    const mine = reviews.find((r) => r.reviewerId === caller.sub);
    const next: ReviewerRecord = { ...pair, state: 'conflicted', conflictReason: reason, declaredAt: t };
    return {
      items: [
        { item: ports.transactions.editionClosedCheck(current.editionId, t), onFail: 'edition' as const },
        { item: ports.reviews.conflictUpdate(caseId, caller.sub, reason, t), onFail: 'stale' as const },
        ...(mine
          ? [
              { item: ports.reviews.reviewDelete(caseId, caller.sub), onFail: 'stale' as const },
              { item: ports.reviews.aggregateUpdate(current, aggregateOf(reviews.filter((r) => r !== mine))), onFail: 'stale' as const },
            ]
          : []),
      ],
      audit: [{ editionId: current.editionId, at: t, action: 'conflict-declared', by: caller.sub, subject: caseId, details: { reason, reviewDeleted: String(Boolean(mine)) } }],
      done: () => next,
    };
  });
}
