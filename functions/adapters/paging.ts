/** One page of a partition, main table or index, with the opaque cursor every list of the API uses. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor } from '#shared/http';
import { ddb, env } from './clients.ts';
import { TABLE_KEYS, type IndexDesign } from './table-design.ts';

export interface PartitionQuery {
  /** An index of table-design.ts, or the table itself when undefined. */
  index?: IndexDesign;
  partition: string;
  /** Only items whose sort key starts with this. */
  sortPrefix?: string;
  newestFirst?: boolean;
}

export async function queryPage<T>(q: PartitionQuery, limit: number, cursor: string | undefined, map: (item: Record<string, unknown>) => T) {
  const pk = q.index?.partitionKey ?? TABLE_KEYS.partitionKey;
  const sk = q.index?.sortKey ?? TABLE_KEYS.sortKey;
  const keyAttrs = [...new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, pk, sk])];
  const start = decodeCursor(cursor, keyAttrs, { [pk]: q.partition });
  const out = await ddb.send(
    new QueryCommand({
      TableName: env.TABLE_NAME,
      ...(q.index ? { IndexName: q.index.name } : {}),
      KeyConditionExpression: q.sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: q.sortPrefix ? { '#pk': pk, '#sk': sk } : { '#pk': pk },
      ExpressionAttributeValues: q.sortPrefix ? { ':pk': q.partition, ':prefix': q.sortPrefix } : { ':pk': q.partition },
      ...(q.newestFirst ? { ScanIndexForward: false } : {}),
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (out.Items ?? []).map(map), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}
