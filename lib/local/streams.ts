/**
 * The table's stream locally: DynamoDB Local's stream, polled the way Lambda's event source mapping polls DynamoDB
 * Streams, delivering to the workers with a stream trigger (functions/shared/workers.ts) the records their filter lets
 * through, as Lambda's DynamoDBStreamEvent.
 *
 * Every shard is followed, from the oldest record kept (TRIM_HORIZON), with its checkpoint in memory: a process started
 * over an existing data directory delivers again what the last one already handled, which the workers make harmless
 * (the mail function's conditional claim sends nothing twice) and which sends what a stopped process left pending.
 * DynamoDB Local closes shards and opens children: the stream is described again every refreshMs, and a child starts
 * only once its parent is drained, so the records of one item keep their order. A batch whose handler fails, or reports
 * batchItemFailures, is delivered again from the lowest failed sequence number, with backoff, up to the trigger's
 * retryAttempts; then it is logged as dead-lettered and the shard moves on, as the mapping's on-failure destination would.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type AttributeValue as StreamAttributeValue,
  type _Record as StreamRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { matchesStreamFilter, type StreamFilter } from '../../functions/shared/workers.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './dynamodb.ts';

/** A worker fed by the stream: its filter, batch size and retries (its trigger), and its handler. */
export interface StreamBinding {
  name: string;
  filter: StreamFilter;
  batchSize: number;
  retryAttempts: number;
  handle(event: DynamoDBStreamEvent): Promise<unknown>;
}

export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  bindings: StreamBinding[];
  log: (line: string) => void;
  /** Wait between reads of a shard that had nothing new. */
  pollMs?: number;
  /** How often the stream is described again, for the shards DynamoDB Local opened meanwhile. */
  refreshMs?: number;
  /** The first wait before a failed batch is delivered again; doubled on each retry, at most 5 s. */
  retryBaseMs?: number;
}

export interface StreamPoller {
  stop(): Promise<void>;
}

const MAX_RETRY_WAIT_MS = 5_000;

/** An attribute value as Lambda's event carries it: binary as base64 text. */
function lambdaValue(v: StreamAttributeValue): AttributeValue {
  if (v.B !== undefined) return { B: Buffer.from(v.B).toString('base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (v.M !== undefined) return { M: lambdaImage(v.M) };
  if (v.L !== undefined) return { L: v.L.map(lambdaValue) };
  return v as AttributeValue;
}

function lambdaImage(image: Record<string, StreamAttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, lambdaValue(v)]));
}

/** A record of the Streams API as Lambda delivers it: creation time in epoch seconds, the stream's ARN. */
export function lambdaRecord(r: StreamRecord, streamArn: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  return {
    eventID: r.eventID,
    eventName: r.eventName,
    eventVersion: r.eventVersion,
    eventSource: r.eventSource,
    awsRegion: r.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...(d.ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) } : {}),
      ...(d.Keys ? { Keys: lambdaImage(d.Keys) } : {}),
      ...(d.NewImage ? { NewImage: lambdaImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: lambdaImage(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType,
    },
  } as DynamoDBRecord;
}

/**
 * The part of `batch` to deliver again after `result`: from its lowest failed record on (everything when the handler
 * threw, or named a record that is not in the batch, as Lambda reads it), or nothing.
 */
export function remainderAfter(batch: DynamoDBRecord[], result: { failed: true } | { response: unknown }): DynamoDBRecord[] {
  if ('failed' in result) return batch;
  const failures = (result.response as Partial<DynamoDBBatchResponse> | undefined)?.batchItemFailures ?? [];
  if (failures.length === 0) return [];
  const positions = failures.map((f) => batch.findIndex((r) => r.dynamodb?.SequenceNumber === f.itemIdentifier));
  return positions.includes(-1) ? batch : batch.slice(Math.min(...positions));
}

export async function startStreamPoller(opts: StreamPollerOptions): Promise<StreamPoller> {
  const { endpoint, tableName, bindings, log, pollMs = 150, refreshMs = 1_000, retryBaseMs = 200 } = opts;
  const config = { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  const table = new DynamoDBClient(config);
  const streamArn = (await table.send(new DescribeTableCommand({ TableName: tableName }))).Table?.LatestStreamArn;
  table.destroy();
  if (!streamArn) throw new Error(`Table ${tableName} has no stream (lib/local/dynamodb.ts ensureTable turns it on)`);
  const streams = new DynamoDBStreamsClient(config);
  const stopping = new AbortController();
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  /** A batch to one worker, delivered again from its lowest failure until it succeeds or runs out of retries. */
  async function deliver(binding: StreamBinding, batch: DynamoDBRecord[]): Promise<void> {
    let pending = batch;
    for (let attempt = 0; pending.length > 0 && !stopping.signal.aborted; attempt++) {
      let error: string | undefined;
      const result = await binding.handle({ Records: pending }).then(
        (response) => ({ response }),
        (err: Error) => {
          error = err.message;
          return { failed: true as const };
        },
      );
      const rest = remainderAfter(pending, result);
      if (rest.length === 0) return;
      const range = `${rest[0]?.dynamodb?.SequenceNumber}..${rest.at(-1)?.dynamodb?.SequenceNumber}`;
      if (attempt >= binding.retryAttempts) {
        log(`stream batch for ${binding.name} (records ${range}) failed ${attempt + 1} times and is dead-lettered${error ? `: ${error}` : ''}`);
        return;
      }
      pending = rest;
      await pause(Math.min(MAX_RETRY_WAIT_MS, retryBaseMs * 2 ** attempt));
    }
  }

  async function handOut(records: StreamRecord[]): Promise<void> {
    const converted = records.map((r) => lambdaRecord(r, streamArn!));
    for (const b of bindings) {
      const mine = converted.filter((r) => matchesStreamFilter(b.filter, r));
      for (let i = 0; i < mine.length; i += b.batchSize) await deliver(b, mine.slice(i, i + b.batchSize));
    }
  }

  /** Reads one shard to its end (a closed shard) or until stopped; resolves when it is drained. */
  async function follow(shard: Shard): Promise<void> {
    const shardId = shard.ShardId!;
    let checkpoint: string | undefined;
    const iteratorFrom = async () =>
      (
        await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: shardId,
            ...(checkpoint ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: checkpoint } : { ShardIteratorType: 'TRIM_HORIZON' }),
          }),
        )
      ).ShardIterator;
    let iterator: string | undefined;
    let failing = false;
    while (!stopping.signal.aborted) {
      try {
        iterator ??= await iteratorFrom();
        if (!iterator) return; // the shard is closed and was drained before
        const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        const records = page.Records ?? [];
        if (records.length > 0) {
          await handOut(records);
          checkpoint = records.at(-1)?.dynamodb?.SequenceNumber ?? checkpoint;
        }
        if (!page.NextShardIterator) return; // closed and drained: its children may start
        iterator = page.NextShardIterator;
        failing = false;
        if (records.length === 0) await pause(pollMs);
      } catch (err) {
        iterator = undefined; // expired or trimmed: read on from the checkpoint
        if (!(err instanceof ExpiredIteratorException || err instanceof TrimmedDataAccessException) && !failing && !stopping.signal.aborted) {
          log(`reading the table's stream (shard ${shardId}) failed, trying again: ${(err as Error).message}`);
          failing = true;
        }
        await pause(pollMs);
      }
    }
  }

  const drained = new Set<string>();
  const started = new Map<string, Promise<void>>();
  /** Describes the stream and starts every shard not followed yet whose parent is drained (or gone). */
  async function refresh(): Promise<void> {
    const shards: Shard[] = [];
    let from: string | undefined;
    do {
      const page = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ...(from ? { ExclusiveStartShardId: from } : {}) }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      from = page.StreamDescription?.LastEvaluatedShardId;
    } while (from);
    const known = new Set(shards.map((s) => s.ShardId));
    for (const shard of shards) {
      const id = shard.ShardId!;
      const parent = shard.ParentShardId;
      if (started.has(id) || (parent && known.has(parent) && !drained.has(parent))) continue;
      started.set(
        id,
        follow(shard).then(() => {
          drained.add(id);
          if (!stopping.signal.aborted) void refresh().catch(() => undefined); // its children, without waiting for the tick
        }),
      );
    }
  }

  await refresh();
  const refreshing = (async () => {
    while (!stopping.signal.aborted) {
      await pause(refreshMs);
      if (stopping.signal.aborted) return;
      await refresh().catch((err: Error) => log(`describing the table's stream failed, trying again: ${err.message}`));
    }
  })();

  return {
    async stop() {
      stopping.abort();
      await refreshing;
      await Promise.all(started.values());
      streams.destroy();
    },
  };
}
