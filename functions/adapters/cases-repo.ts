import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryPage } from './paging.ts';
import { COMMITTEE_ATTRIBUTES, type CaseRecord } from '#domain/case';
import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { scoreKey } from '#domain/review';
import { CASE_FIELD_NAMES } from '#domain/schemas';
import { ddb, env } from './clients.ts';
import { INDEXES, keys, recordOf } from './table-design.ts';
import { editionClosedCheck, transact, type TransactItem } from './transact.ts';

export type { CaseRecord };

/** The index keys a case carries: its owner's list, its edition's list and, while submitted, the ranking. */
const indexKeysOf = (c: CaseRecord) => ({
  ...keys.caseByOwner(c.ownerId, c.caseId),
  ...keys.caseByEdition(c.editionId, c.caseId),
  ...(c.status === 'submitted' ? keys.caseRankPartition(c.editionId, c.caseId) : {}),
});

/** The whole item, for a case that does not exist yet. */
export function caseItem(c: CaseRecord) {
  return { ...keys.case(c.caseId), ...indexKeysOf(c), gsi3sk: scoreKey(c.review, c.caseId), type: 'case', ...c };
}

const COMMITTEE: ReadonlySet<string> = new Set(COMMITTEE_ATTRIBUTES);

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
  const fields = { ...indexKeysOf(c), type: 'case', ...c } as Record<string, unknown>;
  let i = 0;
  for (const [k, v] of Object.entries(fields)) {
    if (COMMITTEE.has(k) || v === undefined) continue;
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    sets.push(`#a${i} = :a${i}`);
    i++;
  }
  const absent = [...CASE_FIELD_NAMES.filter((f) => c[f] === undefined), ...(c.status === 'submitted' ? [] : ['gsi3pk'])];
  for (const k of absent) {
    names[`#a${i}`] = k;
    removes.push(`#a${i}`);
    i++;
  }
  return {
    Update: {
      TableName: env.TABLE_NAME,
      Key: keys.case(c.caseId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#v = :expected',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

const fromItem = (item: Record<string, unknown>) => recordOf<CaseRecord>(item);

export async function getCase(caseId: string, consistent = false): Promise<CaseRecord | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId), ...(consistent ? { ConsistentRead: true } : {}) }));
  return out.Item ? fromItem(out.Item) : undefined;
}

export function listCasesByOwner(ownerId: string, limit: number, cursor?: string) {
  return queryPage({ index: INDEXES.gsi1, partition: keys.ownerPartition(ownerId), sortPrefix: 'CASE#', newestFirst: true }, limit, cursor, fromItem);
}

export type WriteOutcome = 'ok' | 'gate-closed' | 'version-mismatch';

/** Puts a new case if the deadline checks (transact.ts, deadlineChecks) hold and the applicant is under their limit. */
export function createCase(c: CaseRecord, deadline: TransactItem[]): Promise<WriteOutcome | 'limit-reached'> {
  return transact([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    {
      item: {
        Update: {
          TableName: env.TABLE_NAME,
          Key: keys.applicantCases(c.ownerId, c.editionId),
          UpdateExpression: 'ADD #n :one',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :max',
          ExpressionAttributeNames: { '#n': 'cases' },
          ExpressionAttributeValues: { ':one': 1, ':max': MAX_CASES_PER_APPLICANT },
        },
      },
      onFail: 'limit-reached' as const,
    },
    { item: { Put: { TableName: env.TABLE_NAME, Item: caseItem(c), ConditionExpression: 'attribute_not_exists(pk)' } } },
  ]);
}

/**
 * Replaces a case if it is still at `expectedVersion` and the deadline checks hold (none for changes the
 * deadline does not govern, such as a withdrawal), together with `also` (e.g. the confirmation mail).
 */
export function replaceCase(c: CaseRecord, expectedVersion: number, deadline: TransactItem[], also: TransactItem[] = []): Promise<WriteOutcome> {
  return transact([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    { item: ownerUpdate(c, expectedVersion), onFail: 'version-mismatch' },
    ...also.map((item) => ({ item })),
  ]);
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
 * been told another decision, and the edition is closed and not released.
 */
export function recordDecision(d: DecisionChange, also: TransactItem[]): Promise<'ok' | 'case-changed' | 'edition'> {
  return transact([
    { item: editionClosedCheck(d.editionId, d.at), onFail: 'edition' as const },
    {
      item: {
        Update: {
          TableName: env.TABLE_NAME,
          Key: keys.case(d.caseId),
          UpdateExpression: `SET decision = :d, decidedAt = :at, decidedBy = :by${d.note ? ', decisionNote = :note' : ''}${d.note ? '' : ' REMOVE decisionNote'}`,
          ConditionExpression: '#s = :submitted AND (attribute_not_exists(notifiedAt) OR decision = :d)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':d': d.decision, ':at': d.at, ':by': d.by, ':submitted': 'submitted', ...(d.note ? { ':note': d.note } : {}) },
        },
      },
      onFail: 'case-changed' as const,
    },
    ...also.map((item) => ({ item })),
  ]);
}
