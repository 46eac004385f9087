import * as audit from '#adapters/audit';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { bulkAssign } from '#use-cases/reviews/bulk-assign';

const ports = { cases, editions, reviews, transactions, audit };

const pairOf = ({ caseId, sub }: { caseId: string; sub: string }) => ({ caseId, sub });

export const handler = httpHandler(routes.bulkAssign, async ({ params, body, caller, now }) => {
  const result = await bulkAssign(ports, { editionId: params.editionId, ...body, caller, now });
  return {
    status: 200,
    body: { assigned: result.assigned.map(pairOf), unassigned: result.unassigned.map(pairOf), unchanged: result.unchanged.map(pairOf) },
  };
});
