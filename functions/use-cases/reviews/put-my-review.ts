/**
 * Primary course:
 * 1. The caller is assigned to the case (404 otherwise, also after declaring a conflict); the edition is closed
 *    and not released, the case is submitted and has no decision (409).
 * 2. Read every review of the case; If-Match (if sent) names the caller's stored review (412).
 * 3. One transaction: the review, the pair marked reviewed (still assigned), and the case's new aggregate and
 *    score key, conditioned on the aggregate read in 2, on no decision and on the case still submitted.
 *    Another reviewer's save in between makes it plan again from 2.
 */
import type { Caller } from '#domain/caller';
import { assertVersion, type IfMatch } from '#domain/concurrency';
import { assertNotReleased } from '#domain/edition';
import { AppError, notFound } from '#domain/errors';
import { aggregateOf, type ReviewRecord } from '#domain/review';
import { editionStatus } from '#domain/rules';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Reviews, Transactions } from '../ports.ts';
import { changeReviews, type ChangeReviewsPorts } from './committee.ts';

export type PutMyReviewPorts = CaseAccessPorts &
  ChangeReviewsPorts & {
    reviews: Pick<Reviews, 'reviewPut' | 'reviewedUpdate' | 'aggregateUpdate'>;
    transactions: Pick<Transactions, 'editionClosedCheck'>;
  };

export interface PutMyReviewInput {
  caseId: string;
  scores: ReviewRecord['scores'];
  recommendation: ReviewRecord['recommendation'];
  comment?: string | null;
  ifMatch: IfMatch;
  caller: Caller;
  now: Date;
}

export async function putMyReview(ports: PutMyReviewPorts, input: PutMyReviewInput): Promise<{ review: ReviewRecord; created: boolean }> {
  const { caseId, caller } = input;
  const { edition, reviewer } = await caseFor(ports, caseId, caller, 'review');
  if (reviewer?.state !== 'assigned') throw notFound('case');
  assertNotReleased(edition, 'reviews-final');
  if (editionStatus(edition, input.now) !== 'closed') throw new AppError('conflict', 'detail.reviews-not-open');
  const t = input.now.toISOString();

  return changeReviews(ports, caseId, async (current, reviews) => {
    if (current.decision) throw new AppError('conflict', 'detail.reviews-final');
    if (current.status !== 'submitted') throw new AppError('conflict', { key: 'detail.review-not-submitted', params: { status: current.status } });
    const mine = reviews.find((r) => r.reviewerId === caller.sub);
    assertVersion(input.ifMatch, mine?.version, 'review');
    const next: ReviewRecord = {
      caseId: current.caseId,
      editionId: current.editionId,
      reviewerId: caller.sub,
      reviewerEmail: caller.email,
      scores: input.scores,
      recommendation: input.recommendation,
      ...(input.comment ? { comment: input.comment } : {}),
      createdAt: mine?.createdAt ?? t,
      updatedAt: t,
      version: (mine?.version ?? 0) + 1,
    };
    const aggregate = aggregateOf([...reviews.filter((r) => r !== mine), next]);
    return {
      items: [
        { item: ports.transactions.editionClosedCheck(current.editionId, t), onFail: 'edition' as const },
        { item: ports.reviews.reviewPut(next, mine?.version), onFail: 'stale' as const },
        { item: ports.reviews.reviewedUpdate(current.caseId, caller.sub, t), onFail: 'stale' as const },
        { item: ports.reviews.aggregateUpdate(current, aggregate, { submitted: true, undecided: true }), onFail: 'stale' as const },
      ],
      done: () => ({ review: next, created: !mine }),
    };
  });
}
