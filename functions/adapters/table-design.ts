/**
 * The single table's key design, as code: the key attributes, the indexes and the key builders. The CDK
 * storage construct and the local table creation both read INDEXES, so the two cannot drift. The prose
 * version of the design is the block comment in lib/constructs/storage.ts. No AWS imports here.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';

export interface IndexDesign {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** The non-key attributes the index carries (INCLUDE); every attribute (ALL) when absent. */
  projection?: readonly string[];
}

/**
 * What the organisers' lists of an edition's cases (gsi2, gsi3) carry besides the keys: enough for a list row
 * and the CSV export, not the long texts (summary, description), so that a page of 100 typical cases reads
 * about 100 KB instead of up to 2 MB, and an edit (which changes updatedAt) rewrites only this ~1 KB copy.
 */
export const CASE_LISTING_ATTRIBUTES = [
  'caseId', 'editionId', 'ownerId', 'ownerEmail', 'status', 'title', 'category', 'caseType', 'implementedOn', 'countries',
  'organisation', 'partners', 'contact', 'links', 'receipt', 'decision', 'review', 'createdAt', 'updatedAt',
] as const;

export const INDEXES = {
  /** Editions newest first; a user's cases. */
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** The cases of an edition, newest first, sharded so that the deadline rush spreads over EDITION_SHARDS partitions. */
  gsi2: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: CASE_LISTING_ATTRIBUTES },
  /** The submitted cases of an edition, best mean total score first (sparse: only submitted cases), sharded the same way. */
  gsi3: { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: CASE_LISTING_ATTRIBUTES },
} as const satisfies Record<string, IndexDesign>;

/** Shards of an edition's case index: about 1,000 writes/s each, so 16 shards absorb ~16,000 case writes/s. */
export const EDITION_SHARDS = 16;

/** The leading key of every audit entry: the IAM deny of updates and deletes (lib/constructs/function.ts) names it. */
export const AUDIT_KEY_PREFIX = 'AUDIT#';
/** Digits of an audit entry's sort key: seqs sort as strings up to 9,999,999,999 entries per edition. */
export const AUDIT_SEQ_DIGITS = 10;

/** Partitions of the mail queue: a burst of confirmations at the deadline spreads over them. */
export const MAIL_SHARDS = 8;

/** A stable shard for a case id (FNV-1a over the id, modulo EDITION_SHARDS). */
export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % EDITION_SHARDS;
}

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

export const keys = {
  edition: (editionId: string) => ({ pk: `EDITION#${editionId}`, sk: 'EDITION' }),
  /** All editions sit in one small partition: a handful per year. Sorted by opening time, then id. */
  editionListing: (opensAt: string, editionId: string) => ({ gsi1pk: 'EDITIONS', gsi1sk: `${opensAt}#${editionId}` }),
  editionsPartition: 'EDITIONS',
  /** An applicant's extension sits with its edition: read together with it in one BatchGetItem. */
  extension: (editionId: string, sub: string) => ({ pk: `EDITION#${editionId}`, sk: `EXT#${sub}` }),
  /**
   * An entry of an edition's audit trail (a hash chain, functions/adapters/audit.ts): in its own partition, so that
   * IAM can deny UpdateItem and DeleteItem on every AUDIT# key (write-once); the sort key is the seq, zero-padded.
   */
  auditEntry: (editionId: string, seq: number) => ({ pk: `${AUDIT_KEY_PREFIX}${editionId}`, sk: String(seq).padStart(AUDIT_SEQ_DIGITS, '0') }),
  auditPartition: (editionId: string) => `${AUDIT_KEY_PREFIX}${editionId}`,
  editionPartition: (editionId: string) => `EDITION#${editionId}`,
  mail: (mailId: string) => ({ pk: `MAIL#${mailId}`, sk: 'MAIL' }),
  /** Mails waiting to be sent, in MAIL_SHARDS partitions of gsi1 (sparse: removed once sent or given up). */
  mailQueue: (mailId: string, nextAttemptAt: string) => ({ gsi1pk: `MAILQ#${shardOf(mailId) % MAIL_SHARDS}`, gsi1sk: `${nextAttemptAt}#${mailId}` }),
  mailQueuePartition: (shard: number) => `MAILQ#${shard}`,

  case: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CASE' }),
  /** How many cases an applicant has created in an edition (MAX_CASES_PER_APPLICANT), in the applicant's own partition. */
  applicantCases: (sub: string, editionId: string) => ({ pk: `OWNER#${sub}`, sk: `CASES#${editionId}` }),
  /** ULIDs sort by creation time, so the owner's list is newest first with ScanIndexForward=false. */
  caseByOwner: (ownerId: string, caseId: string) => ({ gsi1pk: `OWNER#${ownerId}`, gsi1sk: `CASE#${caseId}` }),
  ownerPartition: (ownerId: string) => `OWNER#${ownerId}`,
  caseByEdition: (editionId: string, caseId: string) => ({
    gsi2pk: `EDITION#${editionId}#${shardOf(caseId)}`,
    gsi2sk: `CASE#${caseId}`,
  }),
  /** A case's attachments sit in the case's partition: listed with one Query, never more than 20. */
  attachment: (caseId: string, attachmentId: string) => ({ pk: `CASE#${caseId}`, sk: `ATT#${attachmentId}` }),
  attachmentPrefix: 'ATT#',
  casePartition: (caseId: string) => `CASE#${caseId}`,
  /** The code outstanding for a case's contact address, and what limits the next one (domain/contact.ts). */
  contactCode: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CONTACTCODE' }),
  /** A case's latest submission confirmation: which mail, due when (at most one an hour; domain/mail.ts). */
  confirmationSlot: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'CONFIRMATION' }),
  /** How many confirmations and contact codes an applicant's cases sent on one UTC day (limits.ts); expires after. */
  applicantMailDay: (sub: string, day: string) => ({ pk: `OWNER#${sub}`, sk: `MAILS#${day}` }),
  /** Per-purpose counts of a case's live (not rejected) attachments; apart from the case item, which edits replace whole. */
  uploadCounts: (caseId: string) => ({ pk: `CASE#${caseId}`, sk: 'UPLOADS' }),
  editionShardPartition: (editionId: string, shard: number) => `EDITION#${editionId}#${shard}`,

  /**
   * The ranking of an edition's submitted cases. gsi3pk is present only while the case is submitted (so the
   * index is sparse); gsi3sk is the score key (domain/review.ts, scoreKey), written by review changes only.
   */
  caseRankPartition: (editionId: string, caseId: string) => ({ gsi3pk: `RANK#${editionId}#${shardOf(caseId)}` }),
  rankShardPartition: (editionId: string, shard: number) => `RANK#${editionId}#${shard}`,
  /**
   * A reviewer on a case: assigned, or conflicted (declared a conflict of interest). Only an assigned pair is
   * in the reviewer's gsi1 partition, so GET /me/assignments lists exactly their live assignments.
   */
  reviewer: (caseId: string, sub: string) => ({ pk: `CASE#${caseId}`, sk: `REVIEWER#${sub}` }),
  reviewerPrefix: 'REVIEWER#',
  assignmentOf: (sub: string, caseId: string) => ({ gsi1pk: `REVIEWER#${sub}`, gsi1sk: `CASE#${caseId}` }),
  reviewerPartition: (sub: string) => `REVIEWER#${sub}`,
  /** The edition's notification lock and run counter: one run at a time (activeRun), numbered in order (seq). */
  notifyLock: (editionId: string) => ({ pk: `EDITION#${editionId}`, sk: 'NOTIFY' }),
  /** A notification run; runIds carry a zero-padded sequence, so the runs list newest first by sort key. */
  run: (editionId: string, runId: string) => ({ pk: `EDITION#${editionId}`, sk: `RUN#${runId}` }),
  runPrefix: 'RUN#',
  /** The owner of a selected case as a recipient of the selection notice, across runs. */
  recipient: (editionId: string, caseId: string) => ({ pk: `EDITION#${editionId}`, sk: `RCPT#${caseId}` }),
  recipientPrefix: 'RCPT#',
  /** One reviewer's review of a case; all of a case's reviews are one Query of its partition. */
  review: (caseId: string, sub: string) => ({ pk: `CASE#${caseId}`, sk: `REVIEW#${sub}` }),
  reviewPrefix: 'REVIEW#',
};
