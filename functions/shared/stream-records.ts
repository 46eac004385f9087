/**
 * What the stream workers read of a batch (functions/shared/workers.ts, `table:stream` triggers): the new items their
 * filter lets through, as the few string attributes they need, each with the sequence number that names its record in
 * batchItemFailures.
 */
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from './logger.ts';
import { matchesStreamFilter, streamFilter, type StreamTrigger } from './workers.ts';

export type InsertedItem<N extends string> = Record<N, string> & { sequenceNumber: string };

/**
 * The string attributes `names` of each item the batch inserted that `trigger`'s filter takes: checked again here, as
 * the event source mapping filters on AWS and the local poller does locally. A record without one of them (or without
 * a sequence number) is logged and skipped: delivering it again would not give it one.
 */
export function insertedItems<N extends string>(trigger: StreamTrigger, event: DynamoDBStreamEvent, names: readonly N[]): InsertedItem<N>[] {
  const filter = streamFilter(trigger);
  return event.Records.flatMap((record) => {
    if (!matchesStreamFilter(filter, record)) return [];
    const image = record.dynamodb?.NewImage ?? {};
    const values = names.map((n) => image[n]?.S);
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    if (sequenceNumber && values.every((v): v is string => Boolean(v))) {
      return [{ ...(Object.fromEntries(names.map((n, i) => [n, values[i]])) as Record<N, string>), sequenceNumber }];
    }
    logger.error(`${trigger.inserted} record without its ${names.join(', ')} or sequence number: skipped`, { eventID: record.eventID, sequenceNumber });
    return [];
  });
}
