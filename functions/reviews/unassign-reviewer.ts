import { auditedTransact } from '#adapters/audit';
import { getCases } from '#adapters/cases-repo';
import { getEditions } from '#adapters/editions-repo';
import { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { unassignReviewer } from '#use-cases/reviews/unassign-reviewer';

const ports = {
  cases: { getCases },
  editions: { getEditions },
  reviews: { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete },
  transactions: { editionClosedCheck },
  audit: { auditedTransact },
};

export const handler = httpHandler(routes.unassignReviewer, async ({ params, caller, now }) => {
  await unassignReviewer(ports, { ...params, caller, now });
  return { status: 204 };
});
