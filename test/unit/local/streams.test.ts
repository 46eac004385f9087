/**
 * The stream trigger's filter (functions/shared/workers.ts), as the local poller applies it and the event source
 * mapping receives it, and what the poller delivers again after a batch's answer (lib/local/streams.ts).
 */
import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { matchesStreamFilter, streamFilter, workers } from '../../../functions/shared/workers.ts';
import { remainderAfter } from '../../../lib/local/streams.ts';

const rec = (seq: number, eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'INSERT', type: string | null = 'mail'): DynamoDBRecord => ({
  eventName,
  dynamodb: { SequenceNumber: String(seq), ...(type === null ? {} : { NewImage: { type: { S: type } } }) },
});

describe('the stream filter', () => {
  const filter = streamFilter(workers.sendNewMail.trigger);

  it('is the INSERTs of the mail entity, in Lambda\'s filter syntax', () => {
    expect(filter).toEqual({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['mail'] } } } });
  });

  it('lets through new mail items only: not their changes or removals, other types, or items without a type', () => {
    expect(matchesStreamFilter(filter, rec(1))).toBe(true);
    expect(matchesStreamFilter(filter, rec(2, 'MODIFY'))).toBe(false);
    expect(matchesStreamFilter(filter, rec(3, 'REMOVE', null))).toBe(false);
    expect(matchesStreamFilter(filter, rec(4, 'INSERT', 'case'))).toBe(false);
    expect(matchesStreamFilter(filter, rec(5, 'INSERT', null))).toBe(false);
    expect(matchesStreamFilter(filter, { eventName: 'INSERT', dynamodb: { NewImage: { type: { N: 'mail' } } } })).toBe(false);
  });
});

describe('a batch delivered again', () => {
  const batch = [rec(10), rec(11), rec(12), rec(13)];
  const failures = (...seqs: number[]) => ({ response: { batchItemFailures: seqs.map((s) => ({ itemIdentifier: String(s) })) } });
  const seqs = (records: DynamoDBRecord[]) => records.map((r) => Number(r.dynamodb?.SequenceNumber));

  it('is nothing after a success, with or without an answer', () => {
    expect(remainderAfter(batch, failures())).toEqual([]);
    expect(remainderAfter(batch, { response: undefined })).toEqual([]);
  });

  it('starts at the lowest failed record, whatever the order of the failures', () => {
    expect(seqs(remainderAfter(batch, failures(13, 11)))).toEqual([11, 12, 13]);
    expect(seqs(remainderAfter(batch, failures(12)))).toEqual([12, 13]);
  });

  it('is the whole batch when the handler threw, or named a record the batch does not hold', () => {
    expect(remainderAfter(batch, { failed: true })).toBe(batch);
    expect(remainderAfter(batch, failures(12, 99))).toBe(batch);
  });
});
