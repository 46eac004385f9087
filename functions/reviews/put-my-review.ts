import * as audit from '#adapters/audit';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { reviewView } from '#shared/views/review';
import { putMyReview } from '#use-cases/reviews/put-my-review';

const ports = { cases, editions, reviews, transactions, audit };

export const handler = httpHandler(routes.putMyReview, async ({ params, body, caller, ifMatch, now }) => {
  const { review, created } = await putMyReview(ports, { caseId: params.caseId, ...body, ifMatch, caller, now });
  return { status: created ? 201 : 200, body: reviewView(review), version: review.version };
});
