import { notFound } from '#domain/errors';
import { getEdition } from '#adapters/editions-repo';
import { applyAssignments, type AssignmentChange } from '#shared/committee';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

const pairOf = ({ caseId, sub }: { caseId: string; sub: string }) => ({ caseId, sub });

export const handler = httpHandler(routes.bulkAssign, async ({ params, body, caller, now }) => {
  if (!(await getEdition(params.editionId))) throw notFound('The edition');
  const changes: AssignmentChange[] = [
    ...(body.assign ?? []).map((pair, i) => ({ kind: 'assign' as const, pair, path: `assign.${i}` })),
    ...(body.unassign ?? []).map((pair, i) => ({ kind: 'unassign' as const, pair, path: `unassign.${i}` })),
  ];
  const result = await applyAssignments(changes, caller, now, params.editionId);
  return {
    status: 200,
    body: { assigned: result.assigned.map(pairOf), unassigned: result.unassigned.map(pairOf), unchanged: result.unchanged.map(pairOf) },
  };
});
