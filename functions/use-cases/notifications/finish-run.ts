/**
 * Workflow task: the run's last state.
 * Primary course:
 * 1. Record how the run ended (with the reason of a failure) and free the edition for the next run; recipients
 *    a dead task left sending are recorded failed and uncertain.
 * 2. Answer the run as it now is.
 */
import type { RunRecord } from '#domain/notification';
import type { Notifications } from '../ports.ts';
import { reasonOf, type TaskError } from './mark-failed.ts';
import type { Telemetry } from './telemetry.ts';

export interface FinishInput {
  editionId: string;
  runId: string;
  status: 'succeeded' | 'failed';
  error?: TaskError;
}

export type FinishRunPorts = Pick<Telemetry, 'log'> & { notifications: Pick<Notifications, 'finishRun' | 'getRun'> };

export async function finishRun(ports: FinishRunPorts, input: FinishInput & { now: Date }): Promise<RunRecord | undefined> {
  const abandoned = await ports.notifications.finishRun(input.editionId, input.runId, input.status, input.now.toISOString(), input.error ? reasonOf(input.error) : undefined);
  if (abandoned) ports.log.warn('recipients left sending by a dead task, recorded uncertain', { runId: input.runId, abandoned });
  const run = await ports.notifications.getRun(input.editionId, input.runId);
  ports.log.info('notification run finished', { runId: input.runId, status: input.status, counts: run?.counts });
  return run;
}
