/**
 * One page of an index that is sharded over several partitions, in the index's sort order across all of
 * them: a lazy k-way merge. Each partition is queried only as far as the page needs (in parallel, with a batch
 * that grows when a filter discards much), so a page of 100 over 16 shards reads about 100-150 items, not
 * 1,600. The cursor holds, per partition, the sort key of the last item this page took from it.
 */
import { invalidCursor, openCursor, signCursor } from './cursor.ts';
import { withStartKey } from './paging.ts';
import type { IndexDesign } from './table-design.ts';
import * as table from './table-io.ts';

export interface Filter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export interface MergedQuery {
  index: IndexDesign;
  partitions: string[];
  /** Highest sort key first. */
  descending: boolean;
  filter?: Filter;
  /** The full key (table and index keys) of the item with index sort key `sortKey` in `partition`, or undefined if `sortKey` is not one. */
  startKey: (partition: string, sortKey: string) => Record<string, string> | undefined;
  /** What the cursor is bound to (the filters and sort): a cursor of another query is refused. */
  fingerprint: string;
}

/** Largest Limit of one Query: DynamoDB also stops at 1 MB. */
const MAX_BATCH = 1000;

interface Shard {
  partition: string;
  /** The sort key of the last item taken from this partition, by this page or the ones before. */
  after: string | undefined;
  buffer: Record<string, unknown>[];
  next: Record<string, unknown> | undefined;
  drained: boolean;
  batch: number;
}

type CursorState = { p: (string | 0 | 1)[] };

/** What a cursor of this query is signed for: the index, the partitions (so the edition) and the filters and sort. */
const scopeOf = (q: MergedQuery) => JSON.stringify(['merged', q.index.name, q.fingerprint, q.partitions]);

function decode(q: MergedQuery, cursor: string | undefined): (string | 0 | 1)[] {
  if (cursor === undefined) return q.partitions.map(() => 0);
  const state = openCursor(cursor, scopeOf(q)) as CursorState | null;
  if (typeof state !== 'object' || state === null || !Array.isArray(state.p) || state.p.length !== q.partitions.length) throw invalidCursor();
  state.p.forEach((v, i) => {
    if (!(v === 0 || v === 1 || (typeof v === 'string' && q.startKey(q.partitions[i]!, v)))) throw invalidCursor();
  });
  return state.p;
}

export async function mergedPage(q: MergedQuery, limit: number, cursor: string | undefined) {
  const sk = q.index.sortKey;
  // A shard's share of the page (a little more), then doubling each time that shard runs dry: a filter that keeps
  // one item in five reads about five times the page, one that keeps few reads further, in a few rounds.
  const firstBatch = Math.ceil((limit * 1.25) / q.partitions.length) + 2;
  const shards: Shard[] = decode(q, cursor).map((v, i) => ({
    partition: q.partitions[i]!,
    after: typeof v === 'string' ? v : undefined,
    buffer: [],
    next: typeof v === 'string' ? q.startKey(q.partitions[i]!, v) : undefined,
    drained: v === 1,
    batch: firstBatch,
  }));

  const fetch = async (s: Shard) => {
    const out = await withStartKey(s.next, () =>
      table.query({
        IndexName: q.index.name,
        KeyConditionExpression: '#ipk = :ipk',
        ...(q.filter ? { FilterExpression: q.filter.expression } : {}),
        ExpressionAttributeNames: { '#ipk': q.index.partitionKey, ...q.filter?.names },
        ExpressionAttributeValues: { ':ipk': s.partition, ...q.filter?.values },
        ScanIndexForward: !q.descending,
        Limit: s.batch,
        ExclusiveStartKey: s.next,
      }),
    );
    s.buffer.push(...(out.Items ?? []));
    s.next = out.LastEvaluatedKey;
    s.drained = !out.LastEvaluatedKey;
    s.batch = Math.min(MAX_BATCH, s.batch * 2);
  };

  const items: Record<string, unknown>[] = [];
  const better = (a: string, b: string) => (q.descending ? a > b : a < b);
  while (items.length < limit) {
    const empty = shards.filter((s) => s.buffer.length === 0 && !s.drained);
    if (empty.length) {
      await Promise.all(empty.map(fetch));
      continue;
    }
    let best: Shard | undefined;
    for (const s of shards) if (s.buffer.length && (!best || better(String(s.buffer[0]![sk]), String(best.buffer[0]![sk])))) best = s;
    if (!best) break;
    const item = best.buffer.shift()!;
    best.after = String(item[sk]);
    items.push(item);
  }
  const state = shards.map((s): string | 0 | 1 => (s.drained && s.buffer.length === 0 ? 1 : (s.after ?? 0)));
  const nextCursor = state.every((v) => v === 1) ? null : signCursor({ p: state } satisfies CursorState, scopeOf(q));
  return { items, nextCursor };
}
