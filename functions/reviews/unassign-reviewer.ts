import { notFound } from '#domain/errors';
import { ownCaseForbidden } from '#shared/case-access';
import { AssignmentRefused, applyAssignments, OWNER_ORGANISER } from '#shared/committee';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** Unassigning a reviewer who is not assigned answers 404: there is no such assignment. On a case the organiser owns, 403. */
export const handler = httpHandler(routes.unassignReviewer, async ({ params, caller, now }) => {
  await applyAssignments([{ kind: 'unassign', pair: params, path: 'sub' }], caller, now).catch((err: unknown) => {
    const code = err instanceof AssignmentRefused ? err.errors?.[0]?.code : undefined;
    if (code === 'not-found') throw notFound('The case');
    if (code === 'not-assigned') throw notFound('The assignment');
    if (code === OWNER_ORGANISER) throw ownCaseForbidden();
    throw err;
  });
  return { status: 204 };
});
