import { auditedTransact } from '#adapters/audit';
import { getCases } from '#adapters/cases-repo';
import { getEditions } from '#adapters/editions-repo';
import { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { reviewerView } from '#shared/views/review';
import { assignReviewer } from '#use-cases/reviews/assign-reviewer';

const ports = {
  cases: { getCases },
  editions: { getEditions },
  reviews: { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete },
  transactions: { editionClosedCheck },
  audit: { auditedTransact },
};

export const handler = httpHandler(routes.assignReviewer, async ({ params, caller, now }) => {
  const { reviewer, created } = await assignReviewer(ports, { ...params, caller, now });
  return { status: created ? 201 : 200, body: reviewerView(reviewer) };
});
