import * as editions from '#adapters/editions-repo';
import * as notifications from '#adapters/notifications-repo';
import * as workflow from '#adapters/workflow';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes';
import { startNotifications } from '#use-cases/notifications/start-notifications';

const ports = { editions, notifications, workflow, log: logger };

export const handler = httpHandler(routes.startNotifications, async ({ params, caller, now, correlationId }) => {
  const run = await startNotifications(ports, { editionId: params.editionId, caller, now, correlationId });
  return {
    status: 202,
    body: { runId: run.runId, status: 'running' as const },
    headers: { location: `/editions/${params.editionId}/notifications` },
  };
});
