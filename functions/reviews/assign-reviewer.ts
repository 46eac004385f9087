import { notFound } from '#domain/errors';
import { reviewerView } from '#shared/views/review';
import { ownCaseForbidden } from '#shared/case-access';
import { AssignmentRefused, applyAssignments, OWNER_ORGANISER } from '#shared/committee';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** One pair through the same all-or-nothing path as the bulk route; a case the organiser cannot address is a 404, their own case a 403. */
export const handler = httpHandler(routes.assignReviewer, async ({ params, caller, now }) => {
  const result = await applyAssignments([{ kind: 'assign', pair: params, path: 'sub' }], caller, now).catch((err: unknown) => {
    const code = err instanceof AssignmentRefused ? err.errors?.[0]?.code : undefined;
    if (code === 'not-found') throw notFound('The case');
    if (code === OWNER_ORGANISER) throw ownCaseForbidden();
    throw err;
  });
  const [created] = result.assigned;
  return created ? { status: 201, body: reviewerView(created) } : { status: 200, body: reviewerView(result.unchanged[0]!) };
});
