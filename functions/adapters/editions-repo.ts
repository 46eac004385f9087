import { GetCommand, PutCommand, QueryCommand, BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { EditionRecord } from '#domain/edition';
import { ddb, env } from './clients.ts';
import { INDEXES, keys, TABLE_KEYS } from './table-design.ts';
import { decodeCursor, encodeCursor } from '#shared/http';

export type { EditionRecord };

const KEY_ATTRS = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey];

function toItem(e: EditionRecord) {
  return { ...keys.edition(e.editionId), ...keys.editionListing(e.opensAt, e.editionId), type: 'edition', ...e };
}

function fromItem(item: Record<string, unknown>): EditionRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, type: _t, ...rest } = item;
  return rest as unknown as EditionRecord;
}

export async function getEdition(editionId: string): Promise<EditionRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Several editions by id, in one round trip (a page of cases spans a few editions at most). */
export async function getEditions(ids: string[]): Promise<Map<string, EditionRecord>> {
  const found = new Map<string, EditionRecord>();
  let pending: Record<string, unknown>[] = [...new Set(ids)].map((id) => keys.edition(id));
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    const out = await ddb.send(new BatchGetCommand({ RequestItems: { [env.TABLE_NAME]: { Keys: pending } } }));
    for (const item of out.Responses?.[env.TABLE_NAME] ?? []) {
      const e = fromItem(item);
      found.set(e.editionId, e);
    }
    pending = out.UnprocessedKeys?.[env.TABLE_NAME]?.Keys ?? [];
    if (pending.length) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
  }
  if (pending.length) throw new Error('BatchGet left keys unprocessed after retries');
  return found;
}

export async function listEditions(limit: number, cursor?: string) {
  const idx = INDEXES.gsi1;
  const start = decodeCursor(cursor, [...KEY_ATTRS, idx.partitionKey, idx.sortKey], { [idx.partitionKey]: keys.editionsPartition });
  const out = await ddb.send(
    new QueryCommand({
      TableName: env.TABLE_NAME,
      IndexName: idx.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': idx.partitionKey },
      ExpressionAttributeValues: { ':pk': keys.editionsPartition },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (out.Items ?? []).map(fromItem), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/** Creates the edition; false when it already exists. */
export async function createEdition(e: EditionRecord): Promise<boolean> {
  try {
    await ddb.send(new PutCommand({ TableName: env.TABLE_NAME, Item: toItem(e), ConditionExpression: 'attribute_not_exists(pk)' }));
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/** Replaces the edition if it is still at `expectedVersion` and not released; false otherwise. */
export async function replaceEdition(e: EditionRecord, expectedVersion: number): Promise<boolean> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: env.TABLE_NAME,
        Item: toItem(e),
        ConditionExpression: '#v = :v AND attribute_not_exists(releasedAt)',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': expectedVersion },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}
