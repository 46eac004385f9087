/**
 * The key design as prose: what each item kind of table-design.ts is for and how it is read and written, and the
 * key-design table rendered from both (renderKeyDesign), which lib/constructs/storage.ts holds between markers and
 * test/unit/adapters/table-design.test.ts checks. No function imports this module.
 */
import { AUDIT_SEQ_DIGITS, EDITION_SHARDS, ENTITIES, INDEXES, MAIL_SHARDS, type EntityDesign, type EntityName } from './table-design.ts';

interface EntityDoc {
  /** The item kind, as the key-design table names it. */
  item: string;
  note?: string;
  /** Per index: when the item is in it (sparse), and anything else a reader of the table must know. */
  indexNotes?: Readonly<Record<string, string>>;
  /** How the item is read and written, by key (the numbered patterns in lib/constructs/storage.ts say more). */
  access: readonly string[];
}

export const ENTITY_DOCS = {
  edition: {
    item: 'edition',
    access: ['GetItem; BatchGetItem of several', 'Query gsi1 EDITIONS, newest first (the list, the scheduled close)'],
  },
  extension: {
    item: 'extension',
    note: 'read with its edition in one BatchGetItem',
    access: ['BatchGetItem with the edition', 'Put, with a ConditionCheck on the edition'],
  },
  notifyLock: {
    item: 'notification lock',
    note: 'one run at a time (activeRun), runs numbered in order (seq)',
    access: ['GetItem, strongly consistent', 'Update with the run start and end'],
  },
  run: {
    item: 'notification run',
    note: 'runIds carry a zero-padded sequence: newest first by sort key',
    access: ['GetItem', 'Query begins_with(sk, RUN#), newest first', 'ADD counts.<field>'],
  },
  recipient: {
    item: 'recipient',
    note: 'the owner of a selected case, across runs; claimed before a send',
    access: ['GetItem', 'Query begins_with(sk, RCPT#)', 'conditional Update (claim, outcome, SES events)'],
  },
  auditEntry: {
    item: 'audit entry',
    note: `seq zero-padded to ${AUDIT_SEQ_DIGITS} digits; write-once: IAM denies UpdateItem/DeleteItem on AUDIT#*`,
    access: ['Query newest first (a page; Limit 1 for the head)', 'Query oldest first, strongly consistent (the chain)', 'Put attribute_not_exists(pk)'],
  },
  case: {
    item: 'case',
    note: `shard = shardOf(caseId) mod ${EDITION_SHARDS}; scoreKey: domain/review.ts (S#<mean total in thousandths>#<caseId>)`,
    indexNotes: { gsi3: 'only while submitted' },
    access: [
      'Query sk BETWEEN CASE AND CASE#TEXT (with its texts); BatchGetItem of several, with their texts',
      'Query sk BETWEEN ATT# AND CASE#TEXT, strongly consistent (the submit: with its attachments)',
      'Query gsi1 OWNER#<ownerId>, begins_with CASE#, newest first, then BatchGetItem of the texts',
      'Queries on gsi2 / gsi3 shards, merged',
    ],
  },
  caseText: {
    item: 'case texts',
    note: "the case's summaries (English, Chinese) and description (CASE_TEXT_FIELDS), apart from the case item so that writes that leave them alone rewrite ~1 KB; absent while all are; a case item written before holds its own",
    access: ['read with the case (see case)', 'Put / Delete in the transaction of an owner edit that changes them, never otherwise'],
  },
  applicantCases: {
    item: 'applicant case count',
    note: 'cases an applicant created in an edition (MAX_CASES_PER_APPLICANT)',
    access: ['ADD below the cap, in the create transaction'],
  },
  applicantMailDay: {
    item: 'mail day',
    note: 'confirmations and contact codes of an applicant that UTC day (yyyy-mm-dd), for the daily caps; TTL',
    access: ['ADD below the cap, in the transaction that queues the mail'],
  },
  preferences: {
    item: 'preferences',
    note: "an account's preferred language (every e-mail to them); written by PUT /me/preferences, and with the language of their first request where none is yet",
    access: ['GetItem', 'Put', 'Update SET if_not_exists, alone or in the create-case transaction'],
  },
  attachment: {
    item: 'attachment',
    note: 'at most 20 a case',
    access: ['GetItem', 'Query begins_with(sk, ATT#)', 'conditional Put / Update / Delete'],
  },
  uploadCounts: {
    item: 'upload counts',
    note: 'live (not rejected) attachments per purpose; apart from the case item, which edits replace whole',
    access: ['ADD +-1 with the attachment write', 'BatchGetItem of many cases (CSV export)'],
  },
  reviewer: {
    item: 'reviewer pair',
    note: 'assigned, or conflicted (a declared conflict of interest, out of gsi1)',
    indexNotes: { gsi1: 'only while assigned' },
    access: ['GetItem; BatchGetItem of several', 'Query begins_with(sk, REVIEWER#)', 'Query gsi1 REVIEWER#<sub>, begins_with CASE#'],
  },
  review: {
    item: 'review',
    access: ['GetItem, strongly consistent', 'Query begins_with(sk, REVIEW#) (strongly consistent for the aggregate)'],
  },
  contactCode: {
    item: 'contact code',
    note: 'the hashed code sent to the contact, and what limits the next one; TTL',
    access: ['GetItem, strongly consistent', 'conditional Put / Update'],
  },
  confirmationSlot: {
    item: 'confirmation',
    note: "the case's latest submission confirmation: mailId, dueAt",
    access: ['GetItem, strongly consistent', 'Put with the submit'],
  },
  directoryAccount: {
    item: 'local account',
    note: 'npm start only: the stand-in for the user pool (sub derived from the e-mail address); on AWS, Cognito keeps accounts',
    indexNotes: { gsi1: 'only while in the group' },
    access: ['GetItem by sub', 'Put attribute_not_exists(pk) (an invitation)', 'Query gsi1 GROUP#reviewers, by e-mail', 'conditional Update (join or leave the group, first sign-in)'],
  },
  mail: {
    item: 'mail',
    note: `queued in gsi1 until sent or given up; shard = shardOf(mailId) mod ${MAIL_SHARDS}`,
    indexNotes: { gsi1: 'only while pending' },
    access: ['Put in the transaction of its cause', `Queries on gsi1 MAILQ#0..${MAIL_SHARDS - 1}, due first`, 'conditional Update (the lease)'],
  },
} as const satisfies Record<EntityName, EntityDoc>;

/** A template as the key-design table shows it: {slot} as <slot>. */
const shown = (template: string) => template.replace(/\{(\w+)\}/g, '<$1>');

/** A line of the rendered design, indented and wrapped at word breaks to fit a block comment. */
function wrap(text: string, width = 110): string[] {
  const lines: string[] = [];
  let line = ' ';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.trim()) {
      lines.push(line);
      line = '     ';
    }
    line += ` ${word}`;
  }
  return [...lines, line];
}

/** Rows as aligned columns, with a rule under the first. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)];
}

/**
 * The key design as text: every item kind with its type tag, keys and index keys, then the indexes, then how each
 * item is accessed. lib/constructs/storage.ts holds it between markers; a test fails when it differs.
 */
export function renderKeyDesign(): string {
  const entities = (Object.keys(ENTITIES) as EntityName[]).map((name) => ({ ...(ENTITIES[name] as EntityDesign), ...(ENTITY_DOCS[name] as EntityDoc) }));
  const rows = [['item', 'type', 'pk', 'sk', 'index keys (- = in no index)']];
  for (const e of entities) {
    // An index's note goes on a line of its own, under its keys, so the table stays narrow.
    const index = Object.entries(e.indexes ?? {}).flatMap(([name, d]) => {
      const note = e.indexNotes?.[name];
      return [`${name} ${shown(d.pk)} / ${shown(d.sk)}`, ...(note ? [`     (${note})`] : [])];
    });
    rows.push([e.item, e.type ?? '-', shown(e.pk), shown(e.sk), index[0] ?? '-'], ...index.slice(1).map((i) => ['', '', '', '', i]));
  }
  const notes = entities.filter((e) => e.note).flatMap((e) => wrap(`${e.item}: ${e.note}`));
  const indexes = Object.values(INDEXES).flatMap((i) => wrap(`${i.name}: ${i.partitionKey} / ${i.sortKey}, ${i.projection ? `INCLUDE ${i.projection.join(', ')}` : 'ALL'}`));
  const access = entities.flatMap((e) => wrap(`${e.item}: ${e.access.join('; ')}`));
  return [...columns(rows), '', 'Notes', ...notes, '', 'Indexes', ...indexes, '', 'Access by item', ...access].join('\n');
}
