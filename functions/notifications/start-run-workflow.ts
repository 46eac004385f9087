/**
 * The table's stream → the notification runs just recorded (the start's outbox): the execution of each is started
 * (use-cases/notifications/start-run-workflow.ts). A record whose start failed for now is reported in
 * batchItemFailures, so that its batch is delivered again from it.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { finishRun, getRun } from '#adapters/notifications-repo';
import { startNotifyExecution, startRefused } from '#adapters/workflow';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { insertedItems } from '#shared/stream-records';
import { workers } from '#shared/workers';
import { startRunWorkflow } from '#use-cases/notifications/start-run-workflow';

const ports = {
  notifications: { finishRun, getRun },
  workflow: { startNotifyExecution, startRefused },
  clock: () => new Date(),
  log: logger,
};

export const handler = workerHandler(workers.startNotificationRun, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  // One at a time, in order: a batch holds a run or two.
  for (const run of insertedItems(workers.startNotificationRun.trigger, event, ['editionId', 'runId'])) {
    try {
      const outcome = await startRunWorkflow(ports, run);
      logger.info('notification run start', { runId: run.runId, outcome });
    } catch (err) {
      logger.warn('the notification workflow did not start; its stream record is delivered again', { runId: run.runId, error: (err as Error).message });
      batchItemFailures.push({ itemIdentifier: run.sequenceNumber });
    }
  }
  return { batchItemFailures };
});
