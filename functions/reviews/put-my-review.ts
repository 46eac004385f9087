import { auditedTransact } from '#adapters/audit';
import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { aggregateUpdate, allReviews, getReviewer, reviewPut, reviewedUpdate } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { reviewView } from '#shared/views/review';
import { putMyReview } from '#use-cases/reviews/put-my-review';

const ports = {
  cases: { getCase },
  editions: { getEditionFor },
  reviews: { aggregateUpdate, allReviews, getReviewer, reviewPut, reviewedUpdate },
  transactions: { editionClosedCheck },
  audit: { auditedTransact },
};

export const handler = httpHandler(routes.putMyReview, async ({ params, body, caller, ifMatch, now }) => {
  const { review, created } = await putMyReview(ports, { caseId: params.caseId, ...body, ifMatch, caller, now });
  return { status: created ? 201 : 200, body: reviewView(review), version: review.version };
});
