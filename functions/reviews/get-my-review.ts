import { notFound } from '#domain/errors';
import { reviewView } from '#shared/views/review';
import { getReview } from '#adapters/reviews-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.getMyReview, async ({ params, caller }) => {
  const { reviewer } = await caseFor(params.caseId, caller, 'review');
  if (reviewer?.state !== 'assigned') throw notFound('The case');
  const review = await getReview(params.caseId, caller.sub);
  if (!review) throw notFound('Your review');
  return { status: 200, body: reviewView(review), version: review.version };
});
