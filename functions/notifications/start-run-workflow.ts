/**
 * The table's stream → the notification runs just recorded (the start's outbox): the execution of each is started
 * (use-cases/notifications/start-run-workflow.ts). A record whose start failed for now is reported in
 * batchItemFailures, so that its batch is delivered again from it.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { finishRun, getRun } from '#adapters/notifications-repo';
import { startNotifyExecution, startRefused } from '#adapters/workflow';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { matchesStreamFilter, streamFilter, workers } from '#shared/workers';
import { startRunWorkflow } from '#use-cases/notifications/start-run-workflow';

const ports = {
  notifications: { finishRun, getRun },
  workflow: { startNotifyExecution, startRefused },
  clock: () => new Date(),
  log: logger,
};

/** The records the event source mapping lets through; checked again here, as a record outside it is not a run. */
const FILTER = streamFilter(workers.startNotificationRun.trigger);

/** The run a stream record carries; undefined for any other record. */
function runOf(record: DynamoDBRecord): { editionId: string; runId: string } | undefined {
  if (!matchesStreamFilter(FILTER, record)) return undefined;
  const image = record.dynamodb?.NewImage ?? {};
  const [editionId, runId] = [image.editionId?.S, image.runId?.S];
  if (editionId && runId) return { editionId, runId };
  logger.error('run record without its edition or id: skipped', { eventID: record.eventID, sequenceNumber: record.dynamodb?.SequenceNumber });
  return undefined;
}

export const handler = workerHandler(workers.startNotificationRun, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  // One at a time, in order: a batch holds a run or two.
  for (const record of event.Records) {
    const run = runOf(record);
    if (!run) continue;
    try {
      const outcome = await startRunWorkflow(ports, run);
      logger.info('notification run start', { runId: run.runId, outcome });
    } catch (err) {
      logger.warn('the notification workflow did not start; its stream record is delivered again', { runId: run.runId, error: (err as Error).message });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
});
