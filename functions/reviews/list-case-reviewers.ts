import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer, listReviewers } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { reviewerView } from '#shared/views/review';
import { listCaseReviewers } from '#use-cases/reviews/list-case-reviewers';

const ports = { cases: { getCase }, editions: { getEditionFor }, reviews: { getReviewer, listReviewers } };

export const handler = httpHandler(routes.listCaseReviewers, async ({ params, query, caller }) => {
  const page = await listCaseReviewers(ports, { caseId: params.caseId, caller, ...query });
  return { status: 200, body: { items: page.items.map(reviewerView), nextCursor: page.nextCursor } };
});
