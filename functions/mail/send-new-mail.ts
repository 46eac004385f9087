/**
 * The table's stream → the mails just recorded (the outbox): one attempt at each that is due. A record whose attempt
 * failed on the table is reported in batchItemFailures, so that its batch is delivered again from it.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { claimMail, countConfirmation, recordCancelled, recordFailure, recordSent } from '#adapters/mail-repo';
import { mailFailure, mailer } from '#adapters/mailer';
import { getPreferences } from '#adapters/preferences-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { insertedItems } from '#shared/stream-records';
import { workers } from '#shared/workers';
import { sendNewMails } from '#use-cases/mail/send-new-mails';

const ports = {
  cases: { getCase },
  editions: { getEdition },
  mails: { claimMail, countConfirmation, recordCancelled, recordFailure, recordSent },
  mailer: { mailFailure, mailer },
  preferences: { getPreferences },
  clock: () => new Date(),
  log: logger,
};

export const handler = workerHandler(workers.sendNewMail, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const mails = insertedItems(workers.sendNewMail.trigger, event, ['mailId', 'status', 'nextAttemptAt']);
  const { counts, failed } = await sendNewMails(ports, mails);
  logger.info('new mails', { records: event.Records.length, ...counts, redelivered: failed.length });
  return { batchItemFailures: failed.map((m) => ({ itemIdentifier: m.sequenceNumber })) };
});
