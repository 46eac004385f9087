/**
 * Primary course:
 * 1. The edition exists (404) and has closed (409).
 * 2. Take the edition's notification lock and record the run, numbered after the last one, with the request's
 *    correlation id, in one transaction: while a run holds the lock, or when another start got there first, 409.
 * 3. Nothing else: the run item is the start's outbox. The table's stream hands it to the worker that starts the
 *    Step Functions execution named with the run id (start-run-workflow.ts), so no crash between the write and the
 *    start can leave the lock held with no execution.
 */
import type { Caller } from '#domain/caller';
import { AppError, notFound } from '#domain/errors';
import type { RunRecord } from '#domain/notification';
import { editionStatus } from '#domain/rules';
import type { Editions, Notifications } from '../ports.ts';
import type { Telemetry } from './telemetry.ts';

export type StartNotificationsPorts = Pick<Telemetry, 'log'> & {
  editions: Pick<Editions, 'getEdition'>;
  notifications: Pick<Notifications, 'getActiveRun' | 'startRun'>;
};

export async function startNotifications(
  ports: StartNotificationsPorts,
  input: { editionId: string; caller: Caller; now: Date; correlationId: string },
): Promise<RunRecord> {
  const { editionId, now } = input;
  const edition = await ports.editions.getEdition(editionId);
  if (!edition) throw notFound('edition');
  const status = editionStatus(edition, now);
  if (status !== 'closed' && status !== 'released') throw new AppError('conflict', 'detail.notices-not-closed');
  const { activeRun, seq } = await ports.notifications.getActiveRun(editionId);
  if (activeRun) throw new AppError('conflict', { key: 'detail.notices-running', params: { runId: activeRun } });
  const started = await ports.notifications.startRun(editionId, seq, input.caller.sub, now.toISOString(), input.correlationId);
  if (started.outcome !== 'ok') throw new AppError('conflict', 'detail.notices-just-started');
  ports.log.info('notification run recorded; the stream starts its workflow', { runId: started.run.runId });
  return started.run;
}
