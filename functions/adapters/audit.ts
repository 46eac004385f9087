/**
 * The audit trail: one hash chain per edition, in its own partition (AUDIT#<editionId>, sk the zero-padded seq),
 * so that IAM can deny every function UpdateItem and DeleteItem on it (lib/constructs/function.ts): entries are
 * only ever put, once. Every audited change goes through auditedTransact, which appends its entries in the
 * change's own transaction: nothing is recorded that did not happen, nothing happens unrecorded.
 */
import { ChainVerifier, chainedEntry, type AuditEntry, type AuditRecord } from '#domain/edition';
import { AppError } from '#domain/errors';
import { queryPage } from './paging.ts';
import { ENTITIES, keys, recordOf } from './table-design.ts';
import { backoff, transact } from './transact.ts';
import * as table from './table-io.ts';
import { tx, type TransactItem } from './table.ts';

/** Times an append reads the chain's head again after another writer took the seq it meant to use. */
export const AUDIT_APPEND_ATTEMPTS = 10;

/** The outcome of an audit put whose seq was taken: internal, never returned to a caller. */
const SEQ_TAKEN = 'audit-seq-taken' as const;

const entryOf = (item: Record<string, unknown>) => recordOf<AuditEntry>(item);

/** The latest entry of an edition's chain (strongly consistent: the next seq must follow the real head). */
async function headOf(editionId: string): Promise<AuditEntry | undefined> {
  const out = await table.query({
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.auditPartition(editionId) },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  });
  const item = out.Items?.[0];
  return item ? entryOf(item) : undefined;
}

/** The records as the next entries of their editions' chains, in the order given. */
async function nextEntries(records: AuditRecord[]): Promise<AuditEntry[]> {
  const editions = [...new Set(records.map((r) => r.editionId))];
  const heads = new Map(await Promise.all(editions.map(async (id) => [id, await headOf(id)] as const)));
  return records.map((r) => {
    const entry = chainedEntry(r, heads.get(r.editionId));
    heads.set(r.editionId, entry);
    return entry;
  });
}

const entryPut = (e: AuditEntry): TransactItem =>
  tx.put({ Item: { ...keys.auditEntry(e.editionId, e.seq), type: ENTITIES.auditEntry.type, ...e }, ConditionExpression: 'attribute_not_exists(pk)' });

/**
 * Runs `items` (as transact does: each failed condition answers its own outcome) together with the audit entries
 * of `records`, appended to their editions' chains. The business items come first, so their outcomes win over a
 * taken seq. When another writer took a seq in between, the heads are read again and the whole transaction
 * retried, a bounded number of times; then 429.
 */
export async function auditedTransact<O extends string>(items: { item: TransactItem; onFail?: O }[], records: AuditRecord[]): Promise<'ok' | O> {
  for (let attempt = 1; attempt <= AUDIT_APPEND_ATTEMPTS; attempt++) {
    const entries = await nextEntries(records);
    const outcome = await transact<O | typeof SEQ_TAKEN>([...items, ...entries.map((e) => ({ item: entryPut(e), onFail: SEQ_TAKEN }))]);
    if (outcome !== SEQ_TAKEN) return outcome as 'ok' | O;
    await backoff(attempt);
  }
  throw new AppError('rate-limited', 'detail.edition-busy');
}

/** A page of the edition's audit trail, newest first. */
export function listAudit(editionId: string, limit: number, cursor?: string) {
  return queryPage({ partition: keys.auditPartition(editionId), newestFirst: true }, limit, cursor, entryOf);
}

/** Whether the edition's whole chain holds: every entry read in order, page by page, strongly consistent. */
export async function auditChainValid(editionId: string): Promise<boolean> {
  const verifier = new ChainVerifier();
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.query({
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.auditPartition(editionId) },
      ConsistentRead: true,
      ExclusiveStartKey: start,
    });
    for (const item of out.Items ?? []) verifier.add(entryOf(item));
    start = out.LastEvaluatedKey;
  } while (start);
  return verifier.valid;
}
