import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { bulkAssign } from '#use-cases/reviews/bulk-assign';
import { committeePorts } from './committee-ports.ts';

const ports = { ...committeePorts, editions: { ...committeePorts.editions, getEdition } };

const pairOf = ({ caseId, sub }: { caseId: string; sub: string }) => ({ caseId, sub });

export const handler = httpHandler(routes.bulkAssign, async ({ params, body, caller, now }) => {
  const result = await bulkAssign(ports, { editionId: params.editionId, ...body, caller, now });
  return {
    status: 200,
    body: { assigned: result.assigned.map(pairOf), unassigned: result.unassigned.map(pairOf), unchanged: result.unchanged.map(pairOf) },
  };
});
