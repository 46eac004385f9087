import * as audit from '#adapters/audit';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { reviewerView } from '#shared/views/review';
import { assignReviewer } from '#use-cases/reviews/assign-reviewer';

const ports = { cases, editions, reviews, transactions, audit };

export const handler = httpHandler(routes.assignReviewer, async ({ params, caller, now }) => {
  const { reviewer, created } = await assignReviewer(ports, { ...params, caller, now });
  return { status: created ? 201 : 200, body: reviewerView(reviewer) };
});
