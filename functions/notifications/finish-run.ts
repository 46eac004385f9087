/** Workflow task: the run's last state (use-cases/notifications/finish-run.ts), answered as the API shows runs. */
import { finishRun as notificationsFinishRun, getRun } from '#adapters/notifications-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { runView } from '#shared/views/notification';
import { finishRun, type FinishInput } from '#use-cases/notifications/finish-run';
import { withRunContext } from './task-context.ts';

const ports = { notifications: { finishRun: notificationsFinishRun, getRun }, log: logger };

export async function finish(input: FinishInput) {
  const run = await finishRun(ports, { ...input, now: new Date() });
  return run ? runView(run) : undefined;
}

export const handler = workerHandler(workers.finishNotificationRun, withRunContext(finish));
