import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer, listReviews as reviewsListReviews } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { reviewView } from '#shared/views/review';
import { listReviews } from '#use-cases/reviews/list-reviews';

const ports = {
  cases: { getCase },
  editions: { getEditionFor },
  reviews: { getReviewer, listReviews: reviewsListReviews },
};

export const handler = httpHandler(routes.listReviews, async ({ params, query, caller }) => {
  const { aggregate, items, nextCursor } = await listReviews(ports, { caseId: params.caseId, caller, ...query });
  return { status: 200, body: { aggregate, items: items.map(reviewView), nextCursor } };
});
