import { auditedTransact } from '#adapters/audit';
import { getCases } from '#adapters/cases-repo';
import { getEdition, getEditions } from '#adapters/editions-repo';
import { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { bulkAssign } from '#use-cases/reviews/bulk-assign';

const ports = {
  cases: { getCases },
  editions: { getEdition, getEditions },
  reviews: { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete },
  transactions: { editionClosedCheck },
  audit: { auditedTransact },
};

const pairOf = ({ caseId, sub }: { caseId: string; sub: string }) => ({ caseId, sub });

export const handler = httpHandler(routes.bulkAssign, async ({ params, body, caller, now }) => {
  const result = await bulkAssign(ports, { editionId: params.editionId, ...body, caller, now });
  return {
    status: 200,
    body: { assigned: result.assigned.map(pairOf), unassigned: result.unassigned.map(pairOf), unchanged: result.unchanged.map(pairOf) },
  };
});
