/** The adapter functions the committee's assignment use cases take (use-cases/reviews/committee.ts), for their handlers. */
import { auditedTransact } from '#adapters/audit';
import { getCases } from '#adapters/cases-repo';
import { getEditions } from '#adapters/editions-repo';
import { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';

export const committeePorts = {
  cases: { getCases },
  editions: { getEditions },
  reviews: { aggregateUpdate, allReviews, assignPut, caseCheck, countReviewers, getReviewers, reviewDelete, unassignDelete },
  transactions: { editionClosedCheck },
  audit: { auditedTransact },
};
