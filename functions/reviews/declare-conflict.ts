import * as audit from '#adapters/audit';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes';
import { reviewerView } from '#shared/views/review';
import { declareConflict } from '#use-cases/reviews/declare-conflict';

const ports = { cases, editions, reviews, transactions, audit };

export const handler = httpHandler(routes.declareConflict, async ({ params, body, caller, now }) => {
  const declared = await declareConflict(ports, { caseId: params.caseId, reason: body.reason, caller, now });
  logger.info('conflict of interest declared', { caseId: params.caseId });
  return { status: 200, body: reviewerView(declared) };
});
