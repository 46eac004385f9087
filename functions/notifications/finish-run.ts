/** Workflow task: the run's last state (use-cases/notifications/finish-run.ts), answered as the API shows runs. */
import * as notifications from '#adapters/notifications-repo';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { runView } from '#shared/views/notification';
import { finishRun, type FinishInput } from '#use-cases/notifications/finish-run';
import { telemetry, withRunContext } from './task-context.ts';

const ports = { notifications, ...telemetry };

export async function finish(input: FinishInput) {
  const run = await finishRun(ports, { ...input, now: new Date() });
  return run ? runView(run) : undefined;
}

export const handler = workerHandler(workers.finishNotificationRun, withRunContext(finish));
