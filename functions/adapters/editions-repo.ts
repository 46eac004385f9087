import { BatchGetCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AuditRecord, EditionRecord, ExtensionRecord } from '#domain/edition';
import { ulid } from '#domain/ids';
import { batchGet } from './batch.ts';
import { ddb, env } from './clients.ts';
import { queryPage } from './paging.ts';
import { INDEXES, keys, recordOf } from './table-design.ts';
import { transact, type TransactItem } from './transact.ts';

export type { EditionRecord };

function toItem(e: EditionRecord) {
  return { ...keys.edition(e.editionId), ...keys.editionListing(e.opensAt, e.editionId), type: 'edition', ...e };
}

const fromItem = (item: Record<string, unknown>) => recordOf<EditionRecord>(item);

export async function getEdition(editionId: string): Promise<EditionRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Several editions by id, in one round trip (a page of cases spans a few editions at most). */
export async function getEditions(ids: string[]): Promise<Map<string, EditionRecord>> {
  const items = await batchGet([...new Set(ids)].map((id) => keys.edition(id)));
  return new Map(items.map((item) => fromItem(item)).map((e) => [e.editionId, e]));
}

export function listEditions(limit: number, cursor?: string) {
  return queryPage({ index: INDEXES.gsi1, partition: keys.editionsPartition, newestFirst: true }, limit, cursor, fromItem);
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

/** The edition and, when there is one, the caller's extension: one BatchGetItem. */
export async function getEditionFor(editionId: string, sub: string): Promise<{ edition?: EditionRecord; extension?: ExtensionRecord }> {
  const out = await ddb.send(
    new BatchGetCommand({ RequestItems: { [env.TABLE_NAME]: { Keys: [keys.edition(editionId), keys.extension(editionId, sub)] } } }),
  );
  let items = out.Responses?.[env.TABLE_NAME] ?? [];
  if (out.UnprocessedKeys?.[env.TABLE_NAME]?.Keys?.length) {
    // Rare (throttling): fall back to two reads rather than loop.
    const [e, x] = await Promise.all([
      ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId) })),
      ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.extension(editionId, sub) })),
    ]);
    items = [e.Item, x.Item].filter((i): i is Record<string, unknown> => i !== undefined);
  }
  const edition = items.find((i) => i.sk === 'EDITION');
  const extension = items.find((i) => typeof i.sk === 'string' && i.sk.startsWith('EXT#'));
  return { ...(edition ? { edition: fromItem(edition) } : {}), ...(extension ? { extension: recordOf<ExtensionRecord>(extension) } : {}) };
}

export const auditPut = (a: AuditRecord): TransactItem => ({
  Put: { TableName: env.TABLE_NAME, Item: { ...keys.audit(a.editionId, a.at, ulid(Date.parse(a.at))), type: 'audit', ...a } },
});

/** Creates or replaces an extension, with its audit entry, while the edition exists and is not released. */
export async function putExtension(x: ExtensionRecord): Promise<'ok' | 'edition-gone'> {
  return transact<'edition-gone'>([
    {
      item: { ConditionCheck: { TableName: env.TABLE_NAME, Key: keys.edition(x.editionId), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(releasedAt)' } },
      onFail: 'edition-gone',
    },
    { item: { Put: { TableName: env.TABLE_NAME, Item: { ...keys.extension(x.editionId, x.sub), type: 'extension', ...x } } } },
    {
      item: auditPut({
        editionId: x.editionId, at: x.grantedAt, action: 'extension-granted', by: x.grantedBy, subject: x.sub,
        details: { deadline: x.deadline, reason: x.reason },
      }),
    },
  ]);
}

/**
 * Marks one step of an edition's life (closed, released) with when and who, once, if `condition` holds, with
 * its audit entry in the same transaction. False when the condition failed (already done, or not allowed).
 */
async function stampEdition(editionId: string, step: 'closed' | 'released', condition: string, at: string, by: string, audit: Pick<AuditRecord, 'action' | 'details'>): Promise<boolean> {
  const outcome = await transact<'refused'>([
    {
      item: {
        Update: {
          TableName: env.TABLE_NAME,
          Key: keys.edition(editionId),
          UpdateExpression: `SET ${step}At = :at, ${step}By = :by, updatedAt = :at ADD #v :one`,
          ConditionExpression: `attribute_exists(pk) AND ${condition}`,
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':at': at, ':by': by, ':one': 1 },
        },
      },
      onFail: 'refused',
    },
    { item: auditPut({ editionId, at, by, subject: editionId, ...audit }) },
  ]);
  return outcome === 'ok';
}

/** Closes the edition at `at`, recording who closed it, once: an edition already closed (or released) is left as it is. */
export async function closeEdition(editionId: string, at: string, by: string, why: string): Promise<'closed' | 'already-closed'> {
  const done = await stampEdition(editionId, 'closed', 'attribute_not_exists(closedAt) AND attribute_not_exists(releasedAt)', at, by, { action: 'edition-closed', details: { reason: why } });
  return done ? 'closed' : 'already-closed';
}

/** Publishes the results: the edition must be closed (by hand or by its deadline) and not yet released; 'refused' otherwise, or when it does not exist. */
export async function releaseEdition(editionId: string, at: string, by: string): Promise<'released' | 'refused'> {
  const done = await stampEdition(editionId, 'released', 'attribute_not_exists(releasedAt) AND (attribute_exists(closedAt) OR deadline <= :at)', at, by, { action: 'results-released', details: {} });
  return done ? 'released' : 'refused';
}

export function listAudit(editionId: string, limit: number, cursor?: string) {
  return queryPage({ partition: keys.editionPartition(editionId), sortPrefix: keys.auditPrefix, newestFirst: true }, limit, cursor, (i) => recordOf<AuditRecord>(i));
}

/** Every edition (a handful a year), for the scheduled close. */
export async function allEditions(): Promise<EditionRecord[]> {
  const all: EditionRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEditions(100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
