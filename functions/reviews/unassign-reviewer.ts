import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { unassignReviewer } from '#use-cases/reviews/unassign-reviewer';
import { committeePorts } from './committee-ports.ts';

const ports = committeePorts;

export const handler = httpHandler(routes.unassignReviewer, async ({ params, caller, now }) => {
  await unassignReviewer(ports, { ...params, caller, now });
  return { status: 204 };
});
