import * as audit from '#adapters/audit';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { unassignReviewer } from '#use-cases/reviews/unassign-reviewer';

const ports = { cases, editions, reviews, transactions, audit };

export const handler = httpHandler(routes.unassignReviewer, async ({ params, caller, now }) => {
  await unassignReviewer(ports, { ...params, caller, now });
  return { status: 204 };
});
