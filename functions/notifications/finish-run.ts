/** Workflow task: the run's last state. Records how it ended and frees the edition for the next run. */
import { finishRun, getRun } from '#adapters/notifications-repo';
import { runView } from '#shared/views/notification';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { reasonOf } from './mark-failed.ts';
import { withRunContext } from './task-context.ts';

export interface FinishInput {
  editionId: string;
  runId: string;
  status: 'succeeded' | 'failed';
  error?: { Error?: string; Cause?: string };
}

export async function finish(input: FinishInput, now: Date = new Date()) {
  const abandoned = await finishRun(input.editionId, input.runId, input.status, now.toISOString(), input.error ? reasonOf(input.error) : undefined);
  if (abandoned) logger.warn('recipients left sending by a dead task, recorded uncertain', { runId: input.runId, abandoned });
  const run = await getRun(input.editionId, input.runId);
  logger.info('notification run finished', { runId: input.runId, status: input.status, counts: run?.counts });
  return run ? runView(run) : undefined;
}

export const handler = workerHandler(workers.finishNotificationRun, withRunContext((input: FinishInput) => finish(input)));
