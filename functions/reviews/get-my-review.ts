import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { reviewView } from '#shared/views/review';
import { getMyReview } from '#use-cases/reviews/get-my-review';

const ports = { cases, editions, reviews };

export const handler = httpHandler(routes.getMyReview, async ({ params, caller }) => {
  const review = await getMyReview(ports, { caseId: params.caseId, caller });
  return { status: 200, body: reviewView(review), version: review.version };
});
