/** One page of a partition, main table or index, with the opaque cursor every list of the API uses. */
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.ts';
import { TABLE_KEYS, type IndexDesign } from './table-design.ts';
import * as table from './table-io.ts';

export interface PartitionQuery {
  /** An index of table-design.ts, or the table itself when undefined. */
  index?: IndexDesign;
  partition: string;
  /** Only items whose sort key starts with this. */
  sortPrefix?: string;
  newestFirst?: boolean;
}

/** What a cursor of this query is signed for: a cursor of another list, partition or range is refused. */
export const cursorScope = (q: PartitionQuery): string => JSON.stringify(['page', q.index?.name ?? '', q.partition, q.sortPrefix ?? '', q.newestFirst === true]);

/**
 * Runs a query that starts after `start`. Should a start key ever get past the cursor checks, DynamoDB's refusal of
 * it (a ValidationException naming the start key) is the caller's bad cursor, a 400, not a 500.
 */
export async function withStartKey<T>(start: Record<string, unknown> | undefined, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (err) {
    if (start && err instanceof Error && err.name === 'ValidationException' && /exclusive ?start ?key|starting key/i.test(err.message)) throw invalidCursor();
    throw err;
  }
}

export async function queryPage<T>(q: PartitionQuery, limit: number, cursor: string | undefined, map: (item: Record<string, unknown>) => T) {
  const pk = q.index?.partitionKey ?? TABLE_KEYS.partitionKey;
  const sk = q.index?.sortKey ?? TABLE_KEYS.sortKey;
  const scope = cursorScope(q);
  const start = decodeCursor(cursor, scope, {
    attributes: [...new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, pk, sk])],
    fixed: { [pk]: q.partition },
    ...(q.sortPrefix ? { prefixes: { [sk]: q.sortPrefix } } : {}),
  });
  const out = await withStartKey(start, () =>
    table.query({
      ...(q.index ? { IndexName: q.index.name } : {}),
      KeyConditionExpression: q.sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: q.sortPrefix ? { '#pk': pk, '#sk': sk } : { '#pk': pk },
      ExpressionAttributeValues: q.sortPrefix ? { ':pk': q.partition, ':prefix': q.sortPrefix } : { ':pk': q.partition },
      ...(q.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (out.Items ?? []).map(map), nextCursor: encodeCursor(out.LastEvaluatedKey, scope) };
}
