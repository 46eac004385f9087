/** Workflow task: the run's last state. Records how it ended and frees the edition for the next run. */
import { finishRun, getRun } from '#adapters/notifications-repo';
import { runView } from '#domain/notification';
import { logger } from '#shared/logger';
import { reasonOf } from './mark-failed.ts';

export interface FinishInput {
  editionId: string;
  runId: string;
  status: 'succeeded' | 'failed';
  error?: { Error?: string; Cause?: string };
}

export async function finish(input: FinishInput, now: Date = new Date()) {
  await finishRun(input.editionId, input.runId, input.status, now.toISOString(), input.error ? reasonOf(input.error) : undefined);
  const run = await getRun(input.editionId, input.runId);
  logger.info('notification run finished', { runId: input.runId, status: input.status, counts: run?.counts });
  return run ? runView(run) : undefined;
}

export const handler = (input: FinishInput) => finish(input);
