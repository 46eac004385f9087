/** Every minute: starts the workflow of each notification run the stream left unstarted (use-cases/notifications/start-stalled-runs.ts). */
import { allEditions } from '#adapters/editions-repo';
import { finishRun, getActiveRun, getRun } from '#adapters/notifications-repo';
import { startNotifyExecution, startRefused } from '#adapters/workflow';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { startStalledRuns } from '#use-cases/notifications/start-stalled-runs';

const ports = {
  editions: { allEditions },
  notifications: { finishRun, getActiveRun, getRun },
  workflow: { startNotifyExecution, startRefused },
  clock: () => new Date(),
  log: logger,
};

export const handler = workerHandler(workers.startStalledNotificationRuns, async (): Promise<{ started: string[] }> => {
  const started = await startStalledRuns(ports);
  if (started.length) logger.warn('notification runs the stream left unstarted, started by the catch-up', { started });
  return { started };
});
