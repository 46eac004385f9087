import { queryPage } from './paging.ts';
import { COMMITTEE_ATTRIBUTES, frozenConflict, isFrozen, type CaseRecord } from '#domain/case';
import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { scoreKey } from '#domain/review';
import { CASE_FIELDS } from '#domain/vocabulary';
import { ENTITIES, INDEXES, keys, recordOf } from './table-design.ts';
import type { AuditRecord } from '#domain/edition';
import { auditedTransact } from './audit.ts';
import { batchGet } from './batch.ts';
import { editionClosedCheck, transact } from './transact.ts';
import * as table from './table-io.ts';
import { tx, type TransactItem } from './table.ts';

export type { CaseRecord };

/** The index keys a case carries: its owner's list, its edition's list and, while submitted, the ranking. */
const indexKeysOf = (c: CaseRecord) => ({
  ...keys.caseByOwner(c.ownerId, c.caseId),
  ...keys.caseByEdition(c.editionId, c.caseId),
  ...(c.status === 'submitted' ? keys.caseRankPartition(c.editionId, c.caseId) : {}),
});

/** The whole item, for a case that does not exist yet. */
export function caseItem(c: CaseRecord) {
  return { ...keys.case(c.caseId), ...indexKeysOf(c), gsi3sk: scoreKey(c.review, c.caseId), type: ENTITIES.case.type, ...c };
}

const COMMITTEE: ReadonlySet<string> = new Set(COMMITTEE_ATTRIBUTES);

/**
 * The condition every owner's write of a case's content puts on the case item: no decision recorded and the
 * owner not notified (domain/case.ts, isFrozen). In the write's own condition, so a decision that lands after
 * the handler's check still stops it.
 */
export const OWNER_MAY_CHANGE = 'attribute_not_exists(decision) AND attribute_not_exists(notifiedAt)';

/**
 * An owner's change as an UpdateItem: it sets the attributes the owner's record carries, removes the case fields
 * it no longer has, and moves the case in or out of the ranking (gsi3pk) with its status. It leaves alone
 * what the committee owns (COMMITTEE_ATTRIBUTES) and the score key, so a review or decision written between
 * this request's read and its write survives it.
 */
function ownerUpdate(c: CaseRecord, expectedVersion: number) {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets: string[] = [];
  const removes: string[] = [];
  const fields = { ...indexKeysOf(c), type: ENTITIES.case.type, ...c } as Record<string, unknown>;
  let i = 0;
  for (const [k, v] of Object.entries(fields)) {
    if (COMMITTEE.has(k) || v === undefined) continue;
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    sets.push(`#a${i} = :a${i}`);
    i++;
  }
  // A contact confirmation the change dropped (domain/case.ts, patchedCase) goes too.
  const absent = [
    ...CASE_FIELDS.filter((f) => c[f] === undefined),
    ...(c.status === 'submitted' ? [] : ['gsi3pk']),
    ...(c.contactConfirmedEmail === undefined ? ['contactConfirmedEmail'] : []),
  ];
  for (const k of absent) {
    names[`#a${i}`] = k;
    removes.push(`#a${i}`);
    i++;
  }
  return tx.update({
    Key: keys.case(c.caseId),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: `#v = :expected AND ${OWNER_MAY_CHANGE}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

const fromItem = (item: Record<string, unknown>) => recordOf<CaseRecord>(item);

export async function getCase(caseId: string, consistent = false): Promise<CaseRecord | undefined> {
  const out = await table.get({ Key: keys.case(caseId), ...(consistent ? { ConsistentRead: true } : {}) });
  return out.Item ? fromItem(out.Item) : undefined;
}

/** Several cases by id, in as few round trips as BatchGetItem allows; missing ones are absent. */
export async function getCases(caseIds: string[], consistent = false): Promise<CaseRecord[]> {
  return (await batchGet(caseIds.map((id) => keys.case(id)), consistent)).map(fromItem);
}

export function listCasesByOwner(ownerId: string, limit: number, cursor?: string) {
  return queryPage({ index: INDEXES.gsi1, partition: keys.ownerPartition(ownerId), sortPrefix: keys.ownerCasePrefix, newestFirst: true }, limit, cursor, fromItem);
}

export type WriteOutcome = 'ok' | 'gate-closed' | 'version-mismatch';

/** A transaction item whose failed condition is reported as `onFail` rather than thrown. */
export interface Guarded<O extends string> {
  item: TransactItem;
  onFail: O;
}

/** Puts a new case if the deadline checks (transact.ts, deadlineChecks) hold and the applicant is under their limit. */
export function createCase(c: CaseRecord, deadline: TransactItem[]): Promise<WriteOutcome | 'limit-reached'> {
  return transact([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    {
      item: tx.update({
        Key: keys.applicantCases(c.ownerId, c.editionId),
        UpdateExpression: 'ADD #n :one',
        ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
        ExpressionAttributeNames: { '#n': 'cases' },
        ExpressionAttributeValues: { ':one': 1, ':max': MAX_CASES_PER_APPLICANT },
      }),
      onFail: 'limit-reached' as const,
    },
    { item: tx.put({ Item: caseItem(c), ConditionExpression: 'attribute_not_exists(pk)' }) },
  ]);
}

/**
 * Replaces a case if it is still at `expectedVersion`, is not frozen for its owner and the deadline checks hold
 * (none for changes the deadline does not govern, such as a withdrawal), together with `also` (e.g. the
 * confirmation mail). A decision (which leaves the version alone) that landed since the read is the 409 that says
 * so, whatever the handler would do with a version mismatch.
 */
export async function replaceCase<O extends string = never>(
  c: CaseRecord,
  expectedVersion: number,
  deadline: TransactItem[],
  also: (TransactItem | Guarded<O>)[] = [],
  audit: AuditRecord[] = [],
): Promise<WriteOutcome | O> {
  const outcome = await auditedTransact<WriteOutcome | O>([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    { item: ownerUpdate(c, expectedVersion), onFail: 'version-mismatch' },
    // An `also` item may carry its own outcome (e.g. a mail limit reached meanwhile: domain/limits.ts).
    ...also.map((a) => ('item' in a ? a : { item: a })),
  ], audit);
  if (outcome === 'version-mismatch') {
    const fresh = await getCase(c.caseId, true);
    if (fresh && isFrozen(fresh)) throw frozenConflict();
  }
  return outcome;
}

export interface DecisionChange {
  caseId: string;
  editionId: string;
  decision: NonNullable<CaseRecord['decision']>;
  note?: string | undefined;
  by: string;
  at: string;
}

/**
 * Records the organisers' decision with its audit entry, if the case is still submitted, its owner has not
 * been told another decision, and the edition is closed and not released. The edition is marked as deciding
 * (decisionsFrom, set once) in the same transaction, so that no extension is granted from then on
 * (editions-repo.ts, putExtension): the mark is an Update that carries the closed check as its condition (a
 * transaction cannot both check and update one item), and it leaves the edition's version alone, so that
 * an organiser's If-Match on the edition's settings does not fail for every decision.
 */
export function recordDecision(d: DecisionChange, audit: AuditRecord): Promise<'ok' | 'case-changed' | 'edition'> {
  const closed = editionClosedCheck(d.editionId, d.at).ConditionCheck!;
  return auditedTransact([
    {
      item: {
        Update: {
          ...closed,
          UpdateExpression: 'SET decisionsFrom = if_not_exists(decisionsFrom, :decisionsFrom)',
          ExpressionAttributeValues: { ...closed.ExpressionAttributeValues, ':decisionsFrom': d.at },
        },
      },
      onFail: 'edition' as const,
    },
    {
      item: tx.update({
        Key: keys.case(d.caseId),
        UpdateExpression: `SET decision = :d, decidedAt = :at, decidedBy = :by${d.note ? ', decisionNote = :note' : ''}${d.note ? '' : ' REMOVE decisionNote'}`,
        ConditionExpression: '#s = :submitted AND (attribute_not_exists(notifiedAt) OR decision = :d)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':d': d.decision, ':at': d.at, ':by': d.by, ':submitted': 'submitted', ...(d.note ? { ':note': d.note } : {}) },
      }),
      onFail: 'case-changed' as const,
    },
  ], [audit]);
}
