import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import { DEFAULT_RULES } from './categories.ts';
import type { EditionInput } from './edition-input.ts';
import type { Rules } from './rules.ts';
import type { AuditAction } from './vocabulary.ts';
import { AppError } from './errors.ts';
import type { MessageKey } from './i18n/catalogues.ts';

/** An edition as stored. */
export interface EditionRecord {
  editionId: string;
  name: string;
  opensAt: string;
  deadline: string;
  timeZone: string;
  materialsDeadline?: string | null;
  contact?: EditionInput['contact'];
  rules: Rules;
  closedAt?: string;
  /** Who closed it: an organiser's sub, or 'schedule'. */
  closedBy?: string;
  releasedAt?: string;
  releasedBy?: string;
  /** When the first decision on one of its cases was recorded: from then on no extension is granted. */
  decisionsFrom?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function newEdition(editionId: string, input: EditionInput, now: Date): EditionRecord {
  const t = now.toISOString();
  return { editionId, ...input, rules: { ...DEFAULT_RULES }, createdAt: t, updatedAt: t, version: 1 };
}

/**
 * The organiser's new settings over the stored edition; what they do not set (rules, close, release) stays.
 * A deadline moved into the future reopens an edition the schedule had closed; a manual close stays.
 */
export function updatedEdition(current: EditionRecord, input: EditionInput, now: Date): EditionRecord {
  const { materialsDeadline: _m, contact: _c, ...kept } = current;
  const next: EditionRecord = { ...kept, ...input, updatedAt: now.toISOString(), version: current.version + 1 };
  if (current.closedBy === SCHEDULE && input.deadline > now.toISOString()) {
    delete next.closedAt;
    delete next.closedBy;
  }
  return next;
}

/** Who closes an edition when its deadline passes. */
export const SCHEDULE = 'schedule';

/** An applicant's own later deadline. */
export interface ExtensionRecord {
  editionId: string;
  sub: string;
  deadline: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
}

/** Who acts for changes no person makes through the API: the local seed, benchmarks, test set-up. */
export const SYSTEM = 'system';

/** What happened: the part of an audit entry its writer supplies. */
export interface AuditRecord {
  editionId: string;
  at: string;
  action: AuditAction;
  by: string;
  subject: string;
  details: Record<string, string>;
}

/**
 * An audit entry as stored: the edition's entries form a hash chain. seq counts 1, 2, 3 ... per edition;
 * prevHash is the previous entry's hash (GENESIS_HASH for the first); hash is the SHA-256 (hex) of the canonical
 * JSON (canonical-json.ts) of every other attribute of the entry, so an edited, removed or re-ordered entry shows.
 */
export interface AuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: over all its attributes but `hash` (an attribute added later counts too). */
export function auditHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { hash: _ignored, ...rest } = entry as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** The entry that follows `prev` (or starts the chain) with what `record` says happened. */
export function chainedEntry(record: AuditRecord, prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined): AuditEntry {
  const unhashed = { ...record, seq: (prev?.seq ?? 0) + 1, prevHash: prev?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: auditHash(unhashed) };
}

/**
 * Checks a chain read in order, one entry at a time (an edition's chain is read in pages): each seq follows
 * the previous one from 1, each hash recomputes, each prevHash is the previous entry's hash.
 */
export class ChainVerifier {
  private prev: Pick<AuditEntry, 'seq' | 'hash'> | undefined;
  valid = true;

  add(entry: AuditEntry): this {
    const expectedSeq = (this.prev?.seq ?? 0) + 1;
    const expectedPrev = this.prev?.hash ?? GENESIS_HASH;
    if (entry.seq !== expectedSeq || entry.prevHash !== expectedPrev || auditHash(entry) !== entry.hash) this.valid = false;
    this.prev = entry;
    return this;
  }
}

export const chainValid = (entries: AuditEntry[]): boolean => entries.reduce((v, e) => v.add(e), new ChainVerifier()).valid;

/** Once the results are released the edition is final: every change to it or its cases answers this 409. */
export const releasedConflict = (consequence: Consequence): AppError =>
  new AppError('conflict', { key: 'detail.released', params: { consequence: { key: `detail.released.${consequence}` } } });

/** What no longer happens once the results are released: `detail.released.*` in the catalogues. */
export type Consequence = MessageKey extends infer K ? (K extends `detail.released.${infer C}` ? C : never) : never;

export function assertNotReleased(e: Pick<EditionRecord, 'releasedAt'>, consequence: Consequence): void {
  if (e.releasedAt) throw releasedConflict(consequence);
}
