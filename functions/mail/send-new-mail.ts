/**
 * The table's stream → the mails just recorded (the outbox): one attempt at each that is due. A record whose attempt
 * failed on the table is reported in batchItemFailures, so that its batch is delivered again from it.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { claimMail, countConfirmation, recordCancelled, recordFailure, recordSent } from '#adapters/mail-repo';
import { mailFailure, mailer } from '#adapters/mailer';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { matchesStreamFilter, streamFilter, workers } from '#shared/workers';
import { sendNewMails, type NewMail } from '#use-cases/mail/send-new-mails';

const ports = {
  cases: { getCase },
  editions: { getEdition },
  mails: { claimMail, countConfirmation, recordCancelled, recordFailure, recordSent },
  mailer: { mailFailure, mailer },
  clock: () => new Date(),
  log: logger,
};

/** The records the event source mapping lets through; checked again here, as a record outside it is not a mail. */
const FILTER = streamFilter(workers.sendNewMail.trigger);

/** The new mail a stream record carries, with the record's sequence number; undefined for any other record. */
function newMailOf(record: DynamoDBRecord): (NewMail & { sequenceNumber: string }) | undefined {
  if (!matchesStreamFilter(FILTER, record)) return undefined;
  const image = record.dynamodb?.NewImage ?? {};
  const [mailId, status, nextAttemptAt, sequenceNumber] = [image.mailId?.S, image.status?.S, image.nextAttemptAt?.S, record.dynamodb?.SequenceNumber];
  if (mailId && status && nextAttemptAt && sequenceNumber) return { mailId, status, nextAttemptAt, sequenceNumber };
  logger.error('mail record without its id, status or due time: skipped', { eventID: record.eventID, sequenceNumber });
  return undefined;
}

export const handler = workerHandler(workers.sendNewMail, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const mails = event.Records.flatMap((r) => newMailOf(r) ?? []);
  const { counts, failed } = await sendNewMails(ports, mails);
  logger.info('new mails', { records: event.Records.length, ...counts, redelivered: failed.length });
  return { batchItemFailures: failed.map((m) => ({ itemIdentifier: m.sequenceNumber })) };
});
