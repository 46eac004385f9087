import { getEdition } from '#adapters/editions-repo';
import { getActiveRun, startRun } from '#adapters/notifications-repo';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes/notifications';
import { startNotifications } from '#use-cases/notifications/start-notifications';

const ports = {
  editions: { getEdition },
  notifications: { getActiveRun, startRun },
  log: logger,
};

export const handler = httpHandler(routes.startNotifications, async ({ params, caller, now, correlationId }) => {
  const run = await startNotifications(ports, { editionId: params.editionId, caller, now, correlationId });
  return {
    status: 202,
    body: { runId: run.runId, status: 'running' as const },
    headers: { location: `/editions/${params.editionId}/notifications` },
  };
});
