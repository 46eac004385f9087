import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReview, getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { reviewView } from '#shared/views/review';
import { getMyReview } from '#use-cases/reviews/get-my-review';

const ports = { cases: { getCase }, editions: { getEditionFor }, reviews: { getReview, getReviewer } };

export const handler = httpHandler(routes.getMyReview, async ({ params, caller }) => {
  const review = await getMyReview(ports, { caseId: params.caseId, caller });
  return { status: 200, body: reviewView(review), version: review.version };
});
