import { AppError, notFound } from '#domain/errors';
import { aggregateOf, type ReviewerRecord } from '#domain/review';
import { editionStatus } from '#domain/rules';
import { aggregateUpdate, conflictUpdate, getReviewer, reviewDelete } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { caseFor } from '#shared/case-access';
import { changeReviews } from '#shared/committee';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes';
import { reviewerView } from '#shared/views/review';

/**
 * An assigned reviewer declares a conflict of interest: in one transaction the assignment becomes a recorded
 * conflict (out of their list, never assignable again), their review (if any) is deleted and the case's
 * aggregate recomputed without it. Declaring it again answers the recorded conflict.
 */
export const handler = httpHandler(routes.declareConflict, async ({ params, body, caller, now }) => {
  const { edition, reviewer } = await caseFor(params.caseId, caller, 'review');
  if (reviewer?.state === 'conflicted') return { status: 200, body: reviewerView(reviewer) };
  if (editionStatus(edition, now) === 'released') throw new AppError('conflict', 'The results are released; the committee has finished.');
  const t = now.toISOString();

  const declared = await changeReviews<ReviewerRecord>(params.caseId, async (current, reviews) => {
    const pair = await getReviewer(params.caseId, caller.sub, true);
    if (!pair) throw notFound('The case');
    if (pair.state === 'conflicted') return { answer: pair };
    const mine = reviews.find((r) => r.reviewerId === caller.sub);
    const next: ReviewerRecord = { ...pair, state: 'conflicted', conflictReason: body.reason, declaredAt: t };
    return {
      items: [
        { item: editionClosedCheck(current.editionId, t), onFail: 'edition' as const },
        { item: conflictUpdate(params.caseId, caller.sub, body.reason, t), onFail: 'stale' as const },
        ...(mine
          ? [
              { item: reviewDelete(params.caseId, caller.sub), onFail: 'stale' as const },
              { item: aggregateUpdate(current, aggregateOf(reviews.filter((r) => r !== mine))), onFail: 'stale' as const },
            ]
          : []),
      ],
      audit: [{ editionId: current.editionId, at: t, action: 'conflict-declared', by: caller.sub, subject: params.caseId, details: { reason: body.reason, reviewDeleted: String(Boolean(mine)) } }],
      done: () => next,
    };
  });
  logger.info('conflict of interest declared', { caseId: params.caseId });
  return { status: 200, body: reviewerView(declared) };
});
