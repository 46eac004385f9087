import { notFound } from '#domain/errors';
import { reviewerView } from '#domain/review';
import { AssignmentRefused, applyAssignments } from '#shared/committee';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** One pair through the same all-or-nothing path as the bulk route; a case the organiser cannot address is a 404. */
export const handler = httpHandler(routes.assignReviewer, async ({ params, caller, now }) => {
  const result = await applyAssignments([{ kind: 'assign', pair: params, path: 'sub' }], caller, now).catch((err: unknown) => {
    if (err instanceof AssignmentRefused && err.errors?.[0]?.code === 'not-found') throw notFound('The case');
    throw err;
  });
  const [created] = result.assigned;
  return created ? { status: 201, body: reviewerView(created) } : { status: 200, body: reviewerView(result.unchanged[0]!) };
});
