import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { CaseRecord } from '#domain/case';
import { ddb, env } from './clients.ts';
import { INDEXES, keys, TABLE_KEYS } from './table-design.ts';
import { decodeCursor, encodeCursor } from '#shared/http';
import { AppError } from '#domain/errors';

export type { CaseRecord };

function toItem(c: CaseRecord) {
  return {
    ...keys.case(c.caseId),
    ...keys.caseByOwner(c.ownerId, c.caseId),
    ...keys.caseByEdition(c.editionId, c.caseId),
    type: 'case',
    ...c,
  };
}

function fromItem(item: Record<string, unknown>): CaseRecord {
  const { pk: _a, sk: _b, gsi1pk: _c, gsi1sk: _d, gsi2pk: _e, gsi2sk: _f, type: _t, ...rest } = item;
  return rest as unknown as CaseRecord;
}

export async function getCase(caseId: string): Promise<CaseRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

export async function listCasesByOwner(ownerId: string, limit: number, cursor?: string) {
  const idx = INDEXES.gsi1;
  const partition = keys.ownerPartition(ownerId);
  const start = decodeCursor(cursor, [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, idx.partitionKey, idx.sortKey], { [idx.partitionKey]: partition });
  const out = await ddb.send(
    new QueryCommand({
      TableName: env.TABLE_NAME,
      IndexName: idx.name,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :case)',
      ExpressionAttributeNames: { '#pk': idx.partitionKey, '#sk': idx.sortKey },
      ExpressionAttributeValues: { ':pk': partition, ':case': 'CASE#' },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (out.Items ?? []).map(fromItem), nextCursor: encodeCursor(out.LastEvaluatedKey) };
}

/**
 * The deadline, enforced by DynamoDB in the same transaction as the write: the edition has opened, its
 * deadline is later than the server's clock, it was not closed by hand and is not released. A request
 * that passed the handler's check a moment before the deadline still fails here if it lands after it.
 */
function editionGate(editionId: string, now: string) {
  return {
    ConditionCheck: {
      TableName: env.TABLE_NAME,
      Key: keys.edition(editionId),
      ConditionExpression: 'opensAt <= :now AND deadline > :now AND attribute_not_exists(closedAt) AND attribute_not_exists(releasedAt)',
      ExpressionAttributeValues: { ':now': now },
    },
  };
}

export type WriteOutcome = 'ok' | 'gate-closed' | 'version-mismatch';

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

/** Attempts for a transaction that DynamoDB cancelled because another one touched the same item. */
export const CONFLICT_ATTEMPTS = 5;
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 25 * 2 ** attempt)));

/**
 * Runs [edition gate, case write] as one transaction. Every case write of an edition condition-checks the
 * same edition item, so in the deadline rush DynamoDB cancels some with TransactionConflict: those are
 * retried with full-jitter backoff instead of failing the applicant's request.
 */
async function gatedWrite(items: TransactItems): Promise<WriteOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: items }));
      return 'ok';
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const codes = (err.CancellationReasons ?? []).map((r) => r.Code);
      if (codes[0] === 'ConditionalCheckFailed') return 'gate-closed';
      if (codes[1] === 'ConditionalCheckFailed') return 'version-mismatch';
      if (!codes.includes('TransactionConflict')) throw err;
      if (attempt >= CONFLICT_ATTEMPTS) throw new AppError('rate-limited', 'Many changes to this edition right now; retry in a moment.');
      await backoff(attempt);
    }
  }
}

/** Puts a new case if the edition accepts it at `now`. */
export function createCase(c: CaseRecord, now: string): Promise<WriteOutcome> {
  return gatedWrite([
    editionGate(c.editionId, now),
    { Put: { TableName: env.TABLE_NAME, Item: toItem(c), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]);
}

/** Replaces a case if it is still at `expectedVersion` and its edition accepts edits at `now`. */
export function replaceCase(c: CaseRecord, expectedVersion: number, now: string): Promise<WriteOutcome> {
  return gatedWrite([
    editionGate(c.editionId, now),
    {
      Put: {
        TableName: env.TABLE_NAME,
        Item: toItem(c),
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    },
  ]);
}
