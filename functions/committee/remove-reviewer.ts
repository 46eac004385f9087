import { removeReviewer as leaveGroup } from '#adapters/directory';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes/committee';
import { removeReviewer } from '#use-cases/committee/remove-reviewer';

const ports = { directory: { removeReviewer: leaveGroup }, log: logger };

export const handler = httpHandler(routes.removeReviewer, async ({ params, caller }) => {
  await removeReviewer(ports, { sub: params.sub, caller });
  return { status: 204 };
});
