import { reviewerView } from '#shared/views/review';
import { listReviewers } from '#adapters/reviews-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.listCaseReviewers, async ({ params, query, caller }) => {
  await caseFor(params.caseId, caller, 'committee');
  const page = await listReviewers(params.caseId, query.limit, query.cursor);
  return { status: 200, body: { items: page.items.map(reviewerView), nextCursor: page.nextCursor } };
});
