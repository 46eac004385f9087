import { SYSTEM, type AuditRecord, type EditionRecord, type ExtensionRecord } from '#domain/edition';
import { auditedTransact } from './audit.ts';
import { batchGet } from './batch.ts';
import { queryPage } from './paging.ts';
import { ENTITIES, INDEXES, keys, recordOf } from './table-design.ts';
import * as table from './table-io.ts';
import { tx } from './table.ts';

export type { EditionRecord };

function toItem(e: EditionRecord) {
  return { ...keys.edition(e.editionId), ...keys.editionListing(e.opensAt, e.editionId), type: ENTITIES.edition.type, ...e };
}

const fromItem = (item: Record<string, unknown>) => recordOf<EditionRecord>(item);

export async function getEdition(editionId: string): Promise<EditionRecord | undefined> {
  const out = await table.get({ Key: keys.edition(editionId) });
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Several editions by id, in one round trip (a page of cases spans a few editions at most). */
export async function getEditions(ids: string[]): Promise<Map<string, EditionRecord>> {
  const items = await batchGet([...new Set(ids)].map((id) => keys.edition(id)));
  return new Map(items.map((item) => fromItem(item)).map((e) => [e.editionId, e]));
}

/** Editions by id, each with `sub`'s extension to it when they hold one, in one BatchGet. */
export async function getEditionsFor(ids: string[], sub: string): Promise<Map<string, { edition: EditionRecord; extension?: ExtensionRecord }>> {
  const unique = [...new Set(ids)];
  const items = await batchGet(unique.flatMap((id) => [keys.edition(id), keys.extension(id, sub)]));
  const extensionSks = new Set(unique.map((id) => keys.extension(id, sub).sk));
  const extensions = new Map(items.filter((i) => extensionSks.has(i.sk as string)).map((i) => recordOf<ExtensionRecord>(i)).map((x) => [x.editionId, x]));
  return new Map(
    items
      .filter((i) => !extensionSks.has(i.sk as string))
      .map((i) => fromItem(i))
      .map((edition) => {
        const extension = extensions.get(edition.editionId);
        return [edition.editionId, { edition, ...(extension ? { extension } : {}) }];
      }),
  );
}

export function listEditions(limit: number, cursor?: string) {
  return queryPage({ index: INDEXES.gsi1, partition: keys.editionsPartition, newestFirst: true }, limit, cursor, fromItem);
}

/** What an edition edit records: the settings as they now are. */
function editionAudit(e: EditionRecord, action: 'edition-created' | 'edition-updated', by: string): AuditRecord {
  const details = { name: e.name, opensAt: e.opensAt, deadline: e.deadline, timeZone: e.timeZone, version: String(e.version), ...(e.materialsDeadline ? { materialsDeadline: e.materialsDeadline } : {}) };
  return { editionId: e.editionId, at: e.updatedAt, action, by, subject: e.editionId, details };
}

/** Creates the edition, with its audit entry; false when it already exists. `by` is the organiser (SYSTEM for the seed and tests). */
export async function createEdition(e: EditionRecord, by: string = SYSTEM): Promise<boolean> {
  const outcome = await auditedTransact(
    [{ item: tx.put({ Item: toItem(e), ConditionExpression: 'attribute_not_exists(pk)' }), onFail: 'exists' as const }],
    [editionAudit(e, 'edition-created', by)],
  );
  return outcome === 'ok';
}

/** Replaces the edition, with its audit entry, if it is still at `expectedVersion` and not released; false otherwise. */
export async function replaceEdition(e: EditionRecord, expectedVersion: number, by: string): Promise<boolean> {
  const outcome = await auditedTransact(
    [
      {
        item: tx.put({
          Item: toItem(e),
          // A decision marks the edition (decisionsFrom) without bumping its version: the replacement must carry the mark as it stands now.
          ConditionExpression: `#v = :v AND attribute_not_exists(releasedAt) AND ${e.decisionsFrom ? 'decisionsFrom = :df' : 'attribute_not_exists(decisionsFrom)'}`,
          ExpressionAttributeNames: { '#v': 'version' },
          ExpressionAttributeValues: { ':v': expectedVersion, ...(e.decisionsFrom ? { ':df': e.decisionsFrom } : {}) },
        }),
        onFail: 'stale' as const,
      },
    ],
    [editionAudit(e, 'edition-updated', by)],
  );
  return outcome === 'ok';
}

/** The edition and, when there is one, the caller's extension: one BatchGetItem. */
export async function getEditionFor(editionId: string, sub: string): Promise<{ edition?: EditionRecord; extension?: ExtensionRecord }> {
  const editionKey = keys.edition(editionId);
  const extensionKey = keys.extension(editionId, sub);
  const out = await table.batchGet([editionKey, extensionKey], false);
  let items = out.items;
  if (out.unprocessed.length) {
    // Rare (throttling): fall back to two reads rather than loop.
    const [e, x] = await Promise.all([
      table.get({ Key: editionKey }),
      table.get({ Key: extensionKey }),
    ]);
    items = [e.Item, x.Item].filter((i): i is Record<string, unknown> => i !== undefined);
  }
  const edition = items.find((i) => i.sk === editionKey.sk);
  const extension = items.find((i) => i.sk === extensionKey.sk);
  return { ...(edition ? { edition: fromItem(edition) } : {}), ...(extension ? { extension: recordOf<ExtensionRecord>(extension) } : {}) };
}

/** Creates or replaces an extension, with its audit entry, while the edition exists, is not released and has no decision yet. */
export async function putExtension(x: ExtensionRecord): Promise<'ok' | 'edition-gone'> {
  return auditedTransact<'edition-gone'>([
    {
      // No decision recorded yet (cases-repo.ts, recordDecision, marks decisionsFrom): an extension must not reopen a decided case.
      item: tx.check({ Key: keys.edition(x.editionId), ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(releasedAt) AND attribute_not_exists(decisionsFrom)' }),
      onFail: 'edition-gone',
    },
    { item: tx.put({ Item: { ...keys.extension(x.editionId, x.sub), type: ENTITIES.extension.type, ...x } }) },
  ], [{ editionId: x.editionId, at: x.grantedAt, action: 'extension-granted', by: x.grantedBy, subject: x.sub, details: { deadline: x.deadline, reason: x.reason } }]);
}

/**
 * Marks one step of an edition's life (closed, released) with when and who, once, if `condition` holds, with
 * its audit entry in the same transaction. False when the condition failed (already done, or not allowed).
 */
async function stampEdition(editionId: string, step: 'closed' | 'released', condition: string, at: string, by: string, audit: Pick<AuditRecord, 'action' | 'details'>): Promise<boolean> {
  const outcome = await auditedTransact<'refused'>([
    {
      item: tx.update({
        Key: keys.edition(editionId),
        UpdateExpression: `SET ${step}At = :at, ${step}By = :by, updatedAt = :at ADD #v :one`,
        ConditionExpression: `attribute_exists(pk) AND ${condition}`,
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':at': at, ':by': by, ':one': 1 },
      }),
      onFail: 'refused',
    },
  ], [{ editionId, at, by, subject: editionId, ...audit }]);
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
