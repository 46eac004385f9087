/**
 * The single table's key design, as code. ENTITIES defines every item kind once (its key templates, type tag,
 * index keys and the listing attributes its indexes carry); from them come the key builders (`keys`), the table's
 * indexes (INDEXES, read by the CDK storage construct and the local table creation) and the key-design table
 * (renderKeyDesign in table-design-doc.ts, pasted into lib/constructs/storage.ts and checked there by
 * test/unit/adapters/table-design.test.ts).
 * Key prefixes are written here and nowhere else. No AWS imports here.
 */
import type { CaseFieldName } from '#domain/vocabulary';

export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

/** Shards of an edition's case index: about 1,000 writes/s each, so 16 shards absorb ~16,000 case writes/s. */
export const EDITION_SHARDS = 16;
/** Partitions of the mail queue: a burst of confirmations at the deadline spreads over them. */
export const MAIL_SHARDS = 8;
/** Digits of an audit entry's sort key: seqs sort as strings up to 9,999,999,999 entries per edition. */
export const AUDIT_SEQ_DIGITS = 10;

/**
 * What the organisers' lists of an edition's cases (gsi2, gsi3) carry besides the keys: enough for a list row
 * and the CSV export, not the long texts (CASE_TEXT_FIELDS), so that a page of 100 typical cases reads
 * about 100 KB instead of up to 2 MB, and an edit (which changes updatedAt) rewrites only this ~1 KB copy.
 */
export const CASE_LISTING_ATTRIBUTES = [
  'caseId', 'editionId', 'ownerId', 'ownerEmail', 'status', 'title', 'titleZh', 'category', 'caseType', 'implementedOn', 'countries',
  'organisation', 'partners', 'contact', 'links', 'receipt', 'decision', 'review', 'createdAt', 'updatedAt',
] as const;

/**
 * The case fields kept apart from the case item, in the case's text item: long (a description may reach some 60 KB),
 * and changed only by their owner's edits, so that every other write of the case (a submit, a review, a decision)
 * rewrites only the ~1 KB case item and its copy in gsi1.
 */
export const CASE_TEXT_FIELDS = ['summary', 'summaryZh', 'description'] as const satisfies readonly CaseFieldName[];

/** An item's keys in one index: templates of literal text and {slot}s, e.g. 'CASE#{caseId}'. */
interface IndexKeyDesign {
  pk: string;
  sk: string;
  /** The non-key attributes the index carries for this item (INCLUDE); every attribute (ALL) when absent. */
  attributes?: readonly string[];
}

export interface EntityDesign {
  /** The `type` attribute the item carries; counters and the lock carry none (their writes are bare ADDs and SETs). */
  type?: string;
  pk: string;
  sk: string;
  indexes?: Readonly<Record<string, IndexKeyDesign>>;
}

/**
 * Every item kind the table holds, by its keys. What each is for and how it is accessed is written next to it in
 * table-design-doc.ts (kept out of here: every function's bundle carries this module, and none needs the prose).
 */

export const ENTITIES = {
  edition: {
    type: 'edition', pk: 'EDITION#{editionId}', sk: 'EDITION',
    // All editions sit in one small partition: a handful per year. Sorted by opening time, then id.
    indexes: { gsi1: { pk: 'EDITIONS', sk: '{opensAt}#{editionId}' } },
  },
  extension: { type: 'extension', pk: 'EDITION#{editionId}', sk: 'EXT#{sub}' },
  notifyLock: { pk: 'EDITION#{editionId}', sk: 'NOTIFY' },
  run: { type: 'run', pk: 'EDITION#{editionId}', sk: 'RUN#{runId}' },
  recipient: { type: 'recipient', pk: 'EDITION#{editionId}', sk: 'RCPT#{caseId}' },
  auditEntry: { type: 'audit', pk: 'AUDIT#{editionId}', sk: '{seq}' },
  case: {
    type: 'case', pk: 'CASE#{caseId}', sk: 'CASE',
    indexes: {
      gsi1: { pk: 'OWNER#{ownerId}', sk: 'CASE#{caseId}' },
      gsi2: { pk: 'EDITION#{editionId}#{shard}', sk: 'CASE#{caseId}', attributes: CASE_LISTING_ATTRIBUTES },
      gsi3: { pk: 'RANK#{editionId}#{shard}', sk: '{scoreKey}', attributes: CASE_LISTING_ATTRIBUTES },
    },
  },
  // Sorts right after the case item (and before CONFIRMATION), so one Query BETWEEN the two reads both.
  caseText: { type: 'case-text', pk: 'CASE#{caseId}', sk: 'CASE#TEXT' },
  applicantCases: { pk: 'OWNER#{sub}', sk: 'CASES#{editionId}' },
  applicantMailDay: { type: 'mail-day', pk: 'OWNER#{sub}', sk: 'MAILS#{day}' },
  preferences: { type: 'preferences', pk: 'USER#{sub}', sk: 'PREFERENCES' },
  attachment: { type: 'attachment', pk: 'CASE#{caseId}', sk: 'ATT#{attachmentId}' },
  uploadCounts: { pk: 'CASE#{caseId}', sk: 'UPLOADS' },
  reviewer: {
    type: 'reviewer', pk: 'CASE#{caseId}', sk: 'REVIEWER#{sub}',
    indexes: { gsi1: { pk: 'REVIEWER#{sub}', sk: 'CASE#{caseId}' } },
  },
  review: { type: 'review', pk: 'CASE#{caseId}', sk: 'REVIEW#{sub}' },
  contactCode: { type: 'contact-code', pk: 'CASE#{caseId}', sk: 'CONTACTCODE' },
  confirmationSlot: { type: 'confirmation', pk: 'CASE#{caseId}', sk: 'CONFIRMATION' },
  // The local stand-in for the user pool's accounts (adapters/table-directory.ts); on AWS the pool holds them.
  directoryAccount: {
    type: 'account', pk: 'DIRECTORY#{sub}', sk: 'ACCOUNT',
    // Sparse: only while the account is in the group; by e-mail address.
    indexes: { gsi1: { pk: 'GROUP#{group}', sk: '{email}' } },
  },
  mail: {
    type: 'mail', pk: 'MAIL#{mailId}', sk: 'MAIL',
    indexes: { gsi1: { pk: 'MAILQ#{shard}', sk: '{nextAttemptAt}#{mailId}' } },
  },
} as const satisfies Record<string, EntityDesign>;

type Entities = typeof ENTITIES;
export type EntityName = keyof Entities;
type IndexesOf<E extends EntityName> = Entities[E] extends { indexes: infer I } ? I : never;
export type IndexName = { [E in EntityName]: Entities[E] extends { indexes: infer I } ? keyof I : never }[EntityName] & string;

/** The {slot} names of a key template. */
type Slots<T extends string> = T extends `${string}{${infer S}}${infer Rest}` ? S | Slots<Rest> : never;
type Values<T extends string> = Record<Slots<T>, string | number>;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const v = values[slot];
    if (v === undefined) throw new Error(`No value for {${slot}} in ${template}`);
    return String(v);
  });
}

/** The literal text of a template before its first slot: what a begins_with on the key uses. */
const prefixOf = (template: string) => template.split('{')[0]!;

/** An item's table key. */
export function keyOf<E extends EntityName>(entity: E, values: Values<Entities[E]['pk'] | Entities[E]['sk']>): { pk: string; sk: string } {
  const e: EntityDesign = ENTITIES[entity];
  return { pk: fill(e.pk, values), sk: fill(e.sk, values) };
}

type IndexTemplates<E extends EntityName, I extends keyof IndexesOf<E>> = IndexesOf<E>[I] extends { pk: infer P extends string; sk: infer S extends string } ? P | S : never;

/** An item's keys in an index (gsiNpk and gsiNsk). */
function indexKeyOf<E extends EntityName, I extends keyof IndexesOf<E> & string>(entity: E, index: I, values: Values<IndexTemplates<E, I>>) {
  const d = (ENTITIES[entity] as EntityDesign).indexes![index]!;
  return { [`${index}pk`]: fill(d.pk, values), [`${index}sk`]: fill(d.sk, values) } as Record<`${I}pk` | `${I}sk`, string>;
}

/** An index partition of an entity (the value of its gsiNpk). */
function indexPartitionOf<E extends EntityName, I extends keyof IndexesOf<E> & string>(entity: E, index: I, values: Record<string, string | number>): string {
  return fill((ENTITIES[entity] as EntityDesign).indexes![index]!.pk, values);
}

export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** The non-key attributes the index carries (INCLUDE); every attribute (ALL) when absent. */
  projection?: readonly string[];
}

/** The table's indexes, as the entities use them: gsiNpk / gsiNsk, projecting what their items ask to carry. */
export const INDEXES = (() => {
  const out: Record<string, IndexDesign> = {};
  for (const e of Object.values(ENTITIES) as EntityDesign[]) {
    for (const [name, d] of Object.entries(e.indexes ?? {})) {
      const index: IndexDesign = { name, partitionKey: `${name}pk`, sortKey: `${name}sk`, ...(d.attributes ? { projection: d.attributes } : {}) };
      const seen = out[name];
      if (seen && (seen.projection ?? []).join() !== (index.projection ?? []).join()) throw new Error(`Entities disagree on what ${name} projects`);
      out[name] = index;
    }
  }
  return out as Record<IndexName, IndexDesign>;
})();

/** A stable shard for a case id (FNV-1a over the id, modulo EDITION_SHARDS). */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % EDITION_SHARDS;
}

/** The leading key of every audit entry: the IAM deny of updates and deletes (lib/constructs/function.ts) names it. */
export const AUDIT_KEY_PREFIX = prefixOf(ENTITIES.auditEntry.pk);

/** Every attribute the key design adds to an item (keys, index keys, the type tag): none of it is domain data. */
const KEY_ATTRIBUTES: ReadonlySet<string> = new Set([
  TABLE_KEYS.partitionKey,
  TABLE_KEYS.sortKey,
  ...Object.values(INDEXES).flatMap((i) => [i.partitionKey, i.sortKey]),
  'type',
]);

/** A stored item as the domain record it holds. */
export function recordOf<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRIBUTES.has(k)) record[k] = v;
  return record as T;
}

/** The key builders the repositories use: each one an entity's key, index key, partition or sort-key prefix. */
export const keys = {
  edition: (editionId: string) => keyOf('edition', { editionId }),
  editionListing: (opensAt: string, editionId: string) => indexKeyOf('edition', 'gsi1', { opensAt, editionId }),
  editionsPartition: indexPartitionOf('edition', 'gsi1', {}),
  extension: (editionId: string, sub: string) => keyOf('extension', { editionId, sub }),
  auditEntry: (editionId: string, seq: number) => keyOf('auditEntry', { editionId, seq: String(seq).padStart(AUDIT_SEQ_DIGITS, '0') }),
  auditPartition: (editionId: string) => fill(ENTITIES.auditEntry.pk, { editionId }),
  editionPartition: (editionId: string) => fill(ENTITIES.edition.pk, { editionId }),
  mail: (mailId: string) => keyOf('mail', { mailId }),
  mailQueue: (mailId: string, nextAttemptAt: string) => indexKeyOf('mail', 'gsi1', { shard: shardOf(mailId) % MAIL_SHARDS, nextAttemptAt, mailId }),
  mailQueuePartition: (shard: number) => indexPartitionOf('mail', 'gsi1', { shard }),

  case: (caseId: string) => keyOf('case', { caseId }),
  caseText: (caseId: string) => keyOf('caseText', { caseId }),
  applicantCases: (sub: string, editionId: string) => keyOf('applicantCases', { sub, editionId }),
  /** ULIDs sort by creation time, so the owner's list is newest first with ScanIndexForward=false. */
  caseByOwner: (ownerId: string, caseId: string) => indexKeyOf('case', 'gsi1', { ownerId, caseId }),
  ownerPartition: (ownerId: string) => indexPartitionOf('case', 'gsi1', { ownerId }),
  ownerCasePrefix: prefixOf(ENTITIES.case.indexes.gsi1.sk),
  caseByEdition: (editionId: string, caseId: string) => indexKeyOf('case', 'gsi2', { editionId, shard: shardOf(caseId), caseId }),
  /** The case id of a gsi2 sort key, or undefined when it is not one. */
  caseIdOfEditionSortKey: (sortKey: string) => {
    const prefix = prefixOf(ENTITIES.case.indexes.gsi2.sk);
    return sortKey.startsWith(prefix) ? sortKey.slice(prefix.length) : undefined;
  },
  attachment: (caseId: string, attachmentId: string) => keyOf('attachment', { caseId, attachmentId }),
  attachmentPrefix: prefixOf(ENTITIES.attachment.sk),
  casePartition: (caseId: string) => fill(ENTITIES.case.pk, { caseId }),
  /** The case id of a case-partition key, or undefined when it is not one. */
  caseIdOfPartition: (pk: string) => {
    const prefix = prefixOf(ENTITIES.case.pk);
    return pk.startsWith(prefix) ? pk.slice(prefix.length) : undefined;
  },
  contactCode: (caseId: string) => keyOf('contactCode', { caseId }),
  confirmationSlot: (caseId: string) => keyOf('confirmationSlot', { caseId }),
  applicantMailDay: (sub: string, day: string) => keyOf('applicantMailDay', { sub, day }),
  preferences: (sub: string) => keyOf('preferences', { sub }),
  uploadCounts: (caseId: string) => keyOf('uploadCounts', { caseId }),
  editionShardPartition: (editionId: string, shard: number) => indexPartitionOf('case', 'gsi2', { editionId, shard }),

  /** gsi3pk is present only while the case is submitted (the index is sparse); gsi3sk is the score key (domain/review.ts, scoreKey). */
  caseRankPartition: (editionId: string, caseId: string) => ({ gsi3pk: indexPartitionOf('case', 'gsi3', { editionId, shard: shardOf(caseId) }) }),
  rankShardPartition: (editionId: string, shard: number) => indexPartitionOf('case', 'gsi3', { editionId, shard }),
  reviewer: (caseId: string, sub: string) => keyOf('reviewer', { caseId, sub }),
  reviewerPrefix: prefixOf(ENTITIES.reviewer.sk),
  assignmentOf: (sub: string, caseId: string) => indexKeyOf('reviewer', 'gsi1', { sub, caseId }),
  reviewerPartition: (sub: string) => indexPartitionOf('reviewer', 'gsi1', { sub }),
  assignmentPrefix: prefixOf(ENTITIES.reviewer.indexes.gsi1.sk),
  notifyLock: (editionId: string) => keyOf('notifyLock', { editionId }),
  run: (editionId: string, runId: string) => keyOf('run', { editionId, runId }),
  runPrefix: prefixOf(ENTITIES.run.sk),
  recipient: (editionId: string, caseId: string) => keyOf('recipient', { editionId, caseId }),
  recipientPrefix: prefixOf(ENTITIES.recipient.sk),
  review: (caseId: string, sub: string) => keyOf('review', { caseId, sub }),
  directoryAccount: (sub: string) => keyOf('directoryAccount', { sub }),
  groupMember: (group: string, email: string) => indexKeyOf('directoryAccount', 'gsi1', { group, email }),
  groupPartition: (group: string) => indexPartitionOf('directoryAccount', 'gsi1', { group }),
  reviewPrefix: prefixOf(ENTITIES.review.sk),
};
