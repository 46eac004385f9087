import { AppError, notFound } from '#domain/errors';
import { editionStatus } from '#domain/rules';
import { getEdition } from '#adapters/editions-repo';
import { finishRun, getActiveRun, startRun } from '#adapters/notifications-repo';
import { startNotifyExecution } from '#adapters/workflow';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes';

/**
 * Primary course:
 * 1. The edition exists (404) and has closed (409).
 * 2. Take the edition's notification lock and record the run, numbered after the last one, in one
 *    transaction: while a run holds the lock, or when another start got there first, 409.
 * 3. Start the Step Functions execution named with the run id (so it can only ever run once), answer 202.
 *    If the start fails, the run is recorded as failed and the lock freed, so the organiser can try again.
 */
export const handler = httpHandler(routes.startNotifications, async ({ params, caller, now, correlationId }) => {
  const edition = await getEdition(params.editionId);
  if (!edition) throw notFound('The edition');
  const status = editionStatus(edition, now);
  if (status !== 'closed' && status !== 'released') throw new AppError('conflict', 'Notifications are sent once the edition has closed.');
  const { activeRun, seq } = await getActiveRun(params.editionId);
  if (activeRun) throw new AppError('conflict', `A notification run is going (${activeRun}); wait for it to finish.`);
  const started = await startRun(params.editionId, seq, caller.sub, now.toISOString());
  if (started.outcome !== 'ok') throw new AppError('conflict', 'Another notification run has just started; wait for it to finish.');
  try {
    await startNotifyExecution({ editionId: params.editionId, runId: started.run.runId, cursor: null, correlationId });
  } catch (err) {
    logger.error('the notification workflow did not start', { runId: started.run.runId, error: err as Error });
    await finishRun(params.editionId, started.run.runId, 'failed', new Date().toISOString(), 'The workflow did not start');
    throw err;
  }
  logger.info('notification run started', { runId: started.run.runId });
  return {
    status: 202,
    body: { runId: started.run.runId, status: 'running' as const },
    headers: { location: `/editions/${params.editionId}/notifications` },
  };
});
