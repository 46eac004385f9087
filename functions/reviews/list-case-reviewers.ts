import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { reviewerView } from '#shared/views/review';
import { listCaseReviewers } from '#use-cases/reviews/list-case-reviewers';

const ports = { cases, editions, reviews };

export const handler = httpHandler(routes.listCaseReviewers, async ({ params, query, caller }) => {
  const page = await listCaseReviewers(ports, { caseId: params.caseId, caller, ...query });
  return { status: 200, body: { items: page.items.map(reviewerView), nextCursor: page.nextCursor } };
});
