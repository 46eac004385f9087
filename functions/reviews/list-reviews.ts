import { reviewsOf } from '#domain/case';
import { reviewView } from '#shared/views/review';
import { listReviews } from '#adapters/reviews-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** The aggregate comes from the case item, where every review change keeps it in step with the reviews. */
export const handler = httpHandler(routes.listReviews, async ({ params, query, caller }) => {
  const { record } = await caseFor(params.caseId, caller, 'committee');
  const page = await listReviews(params.caseId, query.limit, query.cursor);
  return { status: 200, body: { aggregate: reviewsOf(record), items: page.items.map(reviewView), nextCursor: page.nextCursor } };
});
