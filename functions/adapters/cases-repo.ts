import { queryPage } from './paging.ts';
import { COMMITTEE_ATTRIBUTES, frozenConflict, isFrozen, type CaseRecord } from '#domain/case';
import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { scoreKey } from '#domain/review';
import { CASE_FIELDS } from '#domain/vocabulary';
import type { AttachmentRecord } from '#domain/attachment';
import { CASE_TEXT_FIELDS, ENTITIES, INDEXES, keys, recordOf } from './table-design.ts';
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

const TEXTS: ReadonlySet<string> = new Set(CASE_TEXT_FIELDS);

/** The long texts a case or item has (none, one or both). */
const textsOf = (c: Partial<Record<(typeof CASE_TEXT_FIELDS)[number], unknown>>) =>
  Object.fromEntries(CASE_TEXT_FIELDS.flatMap((f) => (c[f] === undefined ? [] : [[f, c[f]]])));

const withoutTexts = (c: object) => Object.fromEntries(Object.entries(c).filter(([k]) => !TEXTS.has(k)));

/** The text item of a case that has a text. */
function textItem(c: CaseRecord): Record<string, unknown> | undefined {
  const texts = textsOf(c);
  return Object.keys(texts).length ? { ...keys.caseText(c.caseId), type: ENTITIES.caseText.type, ...texts } : undefined;
}

/** The Put of the text item, or its Delete when the case has no text any more. */
function textWrite(c: CaseRecord): TransactItem {
  const Item = textItem(c);
  return Item ? tx.put({ Item }) : tx.delete({ Key: keys.caseText(c.caseId) });
}

/** The items of a case that does not exist yet: the case item ("head"), and its text item when it has a text. */
export function caseItems(c: CaseRecord): Record<string, unknown>[] {
  const head = { ...keys.case(c.caseId), ...indexKeysOf(c), gsi3sk: scoreKey(c.review, c.caseId), type: ENTITIES.case.type, ...withoutTexts(c) };
  const text = textItem(c);
  return text ? [head, text] : [head];
}

const COMMITTEE: ReadonlySet<string> = new Set(COMMITTEE_ATTRIBUTES);

/**
 * The condition every owner's write of a case's content puts on the case item: no decision recorded and the
 * owner not notified (domain/case.ts, isFrozen). In the write's own condition, so a decision that lands after
 * the handler's check still stops it.
 */
export const OWNER_MAY_CHANGE = 'attribute_not_exists(decision) AND attribute_not_exists(notifiedAt)';

/**
 * An owner's change as an UpdateItem of the case item: it sets the attributes the owner's record carries, removes
 * the case fields it no longer has, and moves the case in or out of the ranking (gsi3pk) with its status. It
 * leaves alone what the committee owns (COMMITTEE_ATTRIBUTES) and the score key, so a review or decision written
 * between this request's read and its write survives it. The texts are the text item's: never set here, and
 * removed (from a case item written before the split) when `textsMoved`, i.e. the text item is written.
 */
function ownerUpdate(c: CaseRecord, expectedVersion: number, textsMoved: boolean) {
  const names: Record<string, string> = { '#v': 'version' };
  const values: Record<string, unknown> = { ':expected': expectedVersion };
  const sets: string[] = [];
  const removes: string[] = [];
  const fields = { ...indexKeysOf(c), type: ENTITIES.case.type, ...c } as Record<string, unknown>;
  let i = 0;
  for (const [k, v] of Object.entries(fields)) {
    if (COMMITTEE.has(k) || TEXTS.has(k) || v === undefined) continue;
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    sets.push(`#a${i} = :a${i}`);
    i++;
  }
  // A contact confirmation the change dropped (domain/case.ts, patchedCase) goes too.
  const absent = [
    ...CASE_FIELDS.filter((f) => c[f] === undefined && !TEXTS.has(f)),
    ...(textsMoved ? CASE_TEXT_FIELDS : []),
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

/**
 * A case as one record: its case item with the texts of its text item. When there is a text item, the texts are
 * exactly its own; a case item written before the split, with no text item, holds its texts itself.
 */
function caseOf(head: Record<string, unknown>, text?: Record<string, unknown>): CaseRecord {
  const record = recordOf<Record<string, unknown>>(head);
  return (text ? { ...withoutTexts(record), ...textsOf(text) } : record) as unknown as CaseRecord;
}

const isHead = (item: Record<string, unknown>) => item.sk === ENTITIES.case.sk;
const isText = (item: Record<string, unknown>) => item.sk === ENTITIES.caseText.sk;

/** The cases among `items` (case and text items, in any order), each merged with its text item. */
function casesAmong(items: Record<string, unknown>[]): CaseRecord[] {
  const texts = new Map(items.filter(isText).map((t) => [t.pk, t]));
  return items.filter(isHead).map((h) => caseOf(h, texts.get(h.pk)));
}

/** The Query of a case's partition from `from` to its text item (the last of a case's items in that range). */
async function queryCaseRange(caseId: string, from: string, consistent: boolean): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await table.query({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.casePartition(caseId), ':from': from, ':to': keys.caseText(caseId).sk },
      ...(consistent ? { ConsistentRead: true } : {}),
      ExclusiveStartKey: start,
    });
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A case with its texts: one Query of its case item and text item. */
export async function getCase(caseId: string, consistent = false): Promise<CaseRecord | undefined> {
  return casesAmong(await queryCaseRange(caseId, keys.case(caseId).sk, consistent))[0];
}

/** Several cases by id, with their texts, in as few round trips as BatchGetItem allows; missing ones are absent. */
export async function getCases(caseIds: string[], consistent = false): Promise<CaseRecord[]> {
  return casesAmong(await batchGet(caseIds.flatMap((id) => [keys.case(id), keys.caseText(id)]), consistent));
}

/**
 * A case and its attachments (mapped as attachments-repo.ts maps them: recordOf), strongly consistent, in one
 * Query: the attachments (ATT#...) sort right before the case item and its text item.
 */
export async function getCaseWithAttachments(caseId: string): Promise<{ record?: CaseRecord; attachments: AttachmentRecord[] }> {
  const items = await queryCaseRange(caseId, keys.attachmentPrefix, true);
  const record = casesAmong(items)[0];
  const attachments = items.filter((i) => String(i.sk).startsWith(keys.attachmentPrefix)).map((i) => recordOf<AttachmentRecord>(i));
  return { ...(record ? { record } : {}), attachments };
}

/** A page of the owner's cases: the case items gsi1 holds, with their text items read in one BatchGetItem. */
export async function listCasesByOwner(ownerId: string, limit: number, cursor?: string) {
  const page = await queryPage({ index: INDEXES.gsi1, partition: keys.ownerPartition(ownerId), sortPrefix: keys.ownerCasePrefix, newestFirst: true }, limit, cursor, (item) => item);
  const texts = await batchGet(page.items.map((h) => keys.caseText(String(h.caseId))));
  const byPk = new Map(texts.map((t) => [t.pk, t]));
  return { items: page.items.map((h) => caseOf(h, byPk.get(h.pk))), nextCursor: page.nextCursor };
}

export type WriteOutcome = 'ok' | 'gate-closed' | 'version-mismatch';

/** A transaction item whose failed condition is reported as `onFail` rather than thrown. */
export interface Guarded<O extends string> {
  item: TransactItem;
  onFail: O;
}

/** Puts a new case if the deadline checks (transact.ts, deadlineChecks) hold and the applicant is under their limit. */
/** Writes a new case, with `also` (items that cannot fail, such as the owner's first language), if the deadline checks hold. */
export function createCase(c: CaseRecord, deadline: TransactItem[], also: TransactItem[] = []): Promise<WriteOutcome | 'limit-reached'> {
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
    ...caseItems(c).map((Item, i) => ({ item: tx.put(i === 0 ? { Item, ConditionExpression: 'attribute_not_exists(pk)' } : { Item }) })),
    ...also.map((item) => ({ item })),
  ]);
}

/**
 * Replaces a case if it is still at the version `read` (the record the caller read and changed into `c`) has, is
 * not frozen for its owner and the deadline checks hold (none for changes the deadline does not govern, such as a
 * withdrawal), together with `also` (e.g. the confirmation mail). The text item is written only when a text differs
 * from `read`'s: a submit or a withdrawal rewrites the ~1 KB case item alone. A decision (which leaves the version
 * alone) that landed since the read is the 409 that says so, whatever the handler would do with a version mismatch.
 */
export async function replaceCase<O extends string = never>(
  c: CaseRecord,
  read: CaseRecord,
  deadline: TransactItem[],
  also: (TransactItem | Guarded<O>)[] = [],
  audit: AuditRecord[] = [],
): Promise<WriteOutcome | O> {
  const textsChanged = CASE_TEXT_FIELDS.some((f) => c[f] !== read[f]);
  const outcome = await auditedTransact<WriteOutcome | O>([
    ...deadline.map((item) => ({ item, onFail: 'gate-closed' as const })),
    { item: ownerUpdate(c, read.version, textsChanged), onFail: 'version-mismatch' },
    // No condition of its own: the case item's version condition, in the same transaction, guards it.
    ...(textsChanged ? [{ item: textWrite(c) }] : []),
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
