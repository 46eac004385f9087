/**
 * Primary course:
 * 1. The edition exists (404) and has closed (409).
 * 2. Take the edition's notification lock and record the run, numbered after the last one, in one
 *    transaction: while a run holds the lock, or when another start got there first, 409.
 * 3. Start the Step Functions execution named with the run id (so it can only ever run once).
 *    If the start fails, the run is recorded as failed and the lock freed, so the organiser can try again.
 */
import type { Caller } from '#domain/caller';
import { AppError, notFound } from '#domain/errors';
import type { RunRecord } from '#domain/notification';
import { editionStatus } from '#domain/rules';
import type { Editions, Notifications, Workflows } from '../ports.ts';
import type { Telemetry } from './telemetry.ts';

export type StartNotificationsPorts = Pick<Telemetry, 'log'> & {
  editions: Pick<Editions, 'getEdition'>;
  notifications: Pick<Notifications, 'getActiveRun' | 'startRun' | 'finishRun'>;
  workflow: Pick<Workflows, 'startNotifyExecution'>;
};

export async function startNotifications(
  ports: StartNotificationsPorts,
  input: { editionId: string; caller: Caller; now: Date; correlationId: string },
): Promise<RunRecord> {
  const { editionId, now } = input;
  const edition = await ports.editions.getEdition(editionId);
  if (!edition) throw notFound('The edition');
  const status = editionStatus(edition, now);
  if (status !== 'closed' && status !== 'released') throw new AppError('conflict', 'Notifications are sent once the edition has closed.');
  const { activeRun, seq } = await ports.notifications.getActiveRun(editionId);
  if (activeRun) throw new AppError('conflict', `A notification run is going (${activeRun}); wait for it to finish.`);
  const started = await ports.notifications.startRun(editionId, seq, input.caller.sub, now.toISOString());
  if (started.outcome !== 'ok') throw new AppError('conflict', 'Another notification run has just started; wait for it to finish.');
  const { run } = started;
  try {
    await ports.workflow.startNotifyExecution({ editionId, runId: run.runId, cursor: null, correlationId: input.correlationId });
  } catch (err) {
    ports.log.error('the notification workflow did not start', { runId: run.runId, error: err as Error });
    await ports.notifications.finishRun(editionId, run.runId, 'failed', now.toISOString(), 'The workflow did not start');
    throw err;
  }
  ports.log.info('notification run started', { runId: run.runId });
  return run;
}
