import { auditedTransact } from '#adapters/audit';
import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { aggregateUpdate, allReviews, conflictUpdate, getReviewer, reviewDelete } from '#adapters/reviews-repo';
import { editionClosedCheck } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes/reviews';
import { reviewerView } from '#shared/views/review';
import { declareConflict } from '#use-cases/reviews/declare-conflict';

const ports = {
  cases: { getCase },
  editions: { getEditionFor },
  reviews: { aggregateUpdate, allReviews, conflictUpdate, getReviewer, reviewDelete },
  transactions: { editionClosedCheck },
  audit: { auditedTransact },
};

export const handler = httpHandler(routes.declareConflict, async ({ params, body, caller, now }) => {
  const declared = await declareConflict(ports, { caseId: params.caseId, reason: body.reason, caller, now });
  logger.info('conflict of interest declared', { caseId: params.caseId });
  return { status: 200, body: reviewerView(declared) };
});
