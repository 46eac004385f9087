import { AppError, notFound } from '#domain/errors';
import { aggregateOf, type ReviewRecord } from '#domain/review';
import { reviewView } from '#shared/views/review';
import { editionStatus } from '#domain/rules';
import { aggregateUpdate, reviewedUpdate, reviewPut } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { caseFor } from '#shared/case-access';
import { changeReviews } from '#shared/committee';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Primary course:
 * 1. The caller is assigned to the case (404 otherwise, also after declaring a conflict); the edition is closed
 *    and not released, the case is submitted and has no decision (409).
 * 2. Read every review of the case; If-Match (if sent) names the caller's stored review (412).
 * 3. One transaction: the review, the pair marked reviewed (still assigned), and the case's new aggregate and
 *    score key, conditioned on the aggregate read in 2, on no decision and on the case still submitted.
 *    Another reviewer's save in between makes it plan again from 2.
 */
export const handler = httpHandler(routes.putMyReview, async ({ params, body, caller, ifMatch, now }) => {
  const { edition, reviewer } = await caseFor(params.caseId, caller, 'review');
  if (reviewer?.state !== 'assigned') throw notFound('The case');
  const status = editionStatus(edition, now);
  if (status !== 'closed') throw new AppError('conflict', status === 'released' ? 'The results are released; reviews are final.' : 'Reviews open when the edition closes.');
  const t = now.toISOString();

  const saved = await changeReviews(params.caseId, async (current, reviews) => {
    if (current.decision) throw new AppError('conflict', 'The organisers have recorded a decision on this case; its reviews are final.');
    if (current.status !== 'submitted') throw new AppError('conflict', `The case is ${current.status}; only submitted cases are reviewed.`);
    const mine = reviews.find((r) => r.reviewerId === caller.sub);
    if (typeof ifMatch === 'number' && ifMatch !== mine?.version) {
      throw new AppError('precondition-failed', mine ? `Your review is at version ${mine.version}.` : 'You have no review of this case yet.');
    }
    const next: ReviewRecord = {
      caseId: current.caseId,
      editionId: current.editionId,
      reviewerId: caller.sub,
      reviewerEmail: caller.email,
      scores: body.scores,
      recommendation: body.recommendation,
      ...(body.comment ? { comment: body.comment } : {}),
      createdAt: mine?.createdAt ?? t,
      updatedAt: t,
      version: (mine?.version ?? 0) + 1,
    };
    const aggregate = aggregateOf([...reviews.filter((r) => r !== mine), next]);
    return {
      items: [
        { item: editionClosedCheck(current.editionId, t), onFail: 'edition' as const },
        { item: reviewPut(next, mine?.version), onFail: 'stale' as const },
        { item: reviewedUpdate(current.caseId, caller.sub, t), onFail: 'stale' as const },
        { item: aggregateUpdate(current, aggregate, { submitted: true, undecided: true }), onFail: 'stale' as const },
      ],
      done: () => ({ review: next, created: !mine }),
    };
  });
  return { status: saved.created ? 201 : 200, body: reviewView(saved.review), version: saved.review.version };
});
