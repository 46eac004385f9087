import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryPage } from './paging.ts';
import type { CaseRecord } from '#domain/case';
import { ddb, env } from './clients.ts';
import { INDEXES, keys, recordOf } from './table-design.ts';
import { transact, type TransactItem } from './transact.ts';

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

const fromItem = (item: Record<string, unknown>) => recordOf<CaseRecord>(item);

export async function getCase(caseId: string): Promise<CaseRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

export function listCasesByOwner(ownerId: string, limit: number, cursor?: string) {
  return queryPage({ index: INDEXES.gsi1, partition: keys.ownerPartition(ownerId), sortPrefix: 'CASE#', newestFirst: true }, limit, cursor, fromItem);
}

export type WriteOutcome = 'ok' | 'gate-closed' | 'version-mismatch';

/** Puts a new case if the deadline checks (transact.ts, deadlineChecks) hold. */
export function createCase(c: CaseRecord, deadline: TransactItem[]): Promise<WriteOutcome> {
  return transact([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    { item: { Put: { TableName: env.TABLE_NAME, Item: toItem(c), ConditionExpression: 'attribute_not_exists(pk)' } } },
  ]);
}

/**
 * Replaces a case if it is still at `expectedVersion` and the deadline checks hold (none for changes the
 * deadline does not govern, such as a withdrawal), together with `also` (e.g. the confirmation mail).
 */
export function replaceCase(c: CaseRecord, expectedVersion: number, deadline: TransactItem[], also: TransactItem[] = []): Promise<WriteOutcome> {
  return transact([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    {
      item: {
        Put: {
          TableName: env.TABLE_NAME,
          Item: toItem(c),
          ConditionExpression: '#v = :v',
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': expectedVersion },
        },
      },
      onFail: 'version-mismatch',
    },
    ...also.map((item) => ({ item })),
  ]);
}
