import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { reviewView } from '#shared/views/review';
import { listReviews } from '#use-cases/reviews/list-reviews';

const ports = { cases, editions, reviews };

export const handler = httpHandler(routes.listReviews, async ({ params, query, caller }) => {
  const { aggregate, items, nextCursor } = await listReviews(ports, { caseId: params.caseId, caller, ...query });
  return { status: 200, body: { aggregate, items: items.map(reviewView), nextCursor } };
});
