import type { Caller } from './caller.ts';
import type { CaseFields, CasePatch } from './case-input.ts';
import { keptConfirmation } from './contact.ts';
import type { EditionRecord, ExtensionRecord } from './edition.ts';
import type { Locale } from './i18n/catalogues.ts';
import { AppError } from './errors.ts';
import { aggregateView, type ReviewAggregate } from './review.ts';
import { acceptance } from './rules.ts';
import { CASE_FIELDS, SELECTED_DECISIONS, type CaseStatus, type Decision, type SelectedDecision, type Viewer } from './vocabulary.ts';

/** A case's latest submission confirmation: which mail, due when. */
export interface ConfirmationSlot {
  mailId: string;
  dueAt: string;
}

/** A case as stored. */
export interface CaseRecord extends CaseFields {
  caseId: string;
  editionId: string;
  ownerId: string;
  /** The owner's account address at creation: where e-mails about the case go. */
  ownerEmail: string;
  /** The contact address its owner confirmed with a code (domain/contact.ts): only then is the contact copied on e-mails. */
  contactConfirmedEmail?: string;
  status: CaseStatus;
  /** Set by the organisers' decision and the selection notification. */
  decision?: Decision;
  decisionNote?: string;
  decidedAt?: string;
  decidedBy?: string;
  notifiedAt?: string;
  /** The aggregate of the committee's reviews (domain/review.ts), recomputed on every review change. */
  review?: ReviewAggregate;
  /** Counts the changes to `review`, so that two concurrent review changes cannot lose one another. */
  reviewRev?: number;
  /** The latest receipt: when the submitted content was stamped, and its hash (domain/receipt.ts). */
  receipt?: { submittedAt: string; sha256: string };
  /**
   * The latest submission confirmation queued for the case (domain/mail.ts, confirmationDue): on the case item, so
   * that a submit reads it with the case and writes it with the submission, in the same transaction as the mail.
   */
  confirmation?: ConfirmationSlot;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * Attributes of the case item that the committee and the organisers own. An owner's write never sets or
 * removes them (cases-repo.ts, replaceCase), so an edit or a withdrawal cannot undo a review or a decision
 * that landed between its read and its write.
 */
export const COMMITTEE_ATTRIBUTES = ['decision', 'decisionNote', 'decidedAt', 'decidedBy', 'notifiedAt', 'review', 'reviewRev'] as const;

export const reviewsOf = (c: Pick<CaseRecord, 'review'>): ReviewAggregate => aggregateView(c.review);

/**
 * The review aggregate as `viewerSub` may see it: none of a case they own, even as an organiser (a conflict of
 * interest; the committee's view of their own case is not theirs to read).
 */
export const reviewsFor = (c: Pick<CaseRecord, 'ownerId' | 'review'>, viewerSub: string): ReviewAggregate | null =>
  c.ownerId === viewerSub ? null : reviewsOf(c);

/**
 * Frozen for its owner: once the organisers recorded a decision (or the owner was told one), what was decided on
 * may no longer change, whatever extension the owner holds. The same rule as the owner's write conditions
 * (cases-repo.ts, OWNER_MAY_CHANGE), which make it race-free; presentation materials are the one exception.
 */
export const isFrozen = (c: Pick<CaseRecord, 'decision' | 'notifiedAt'>): boolean => c.decision !== undefined || c.notifiedAt !== undefined;

/** A decision whose owner is notified and whose case is published. */
export const isSelected = (d: string | undefined): d is SelectedDecision => d !== undefined && (SELECTED_DECISIONS as readonly string[]).includes(d);

/** A case whose owner gets the selection notice: submitted, and decided outstanding or collection. */
export const isSelectedCase = <C extends Pick<CaseRecord, 'status' | 'decision'>>(c: C): c is C & { status: 'submitted'; decision: SelectedDecision } =>
  c.status === 'submitted' && isSelected(c.decision);

export const frozenConflict = (): AppError =>
  new AppError('conflict', 'detail.case-frozen');

/**
 * Until when its owner may change and submit the case: the edition's deadline, or their extension's when that is
 * later; null when they may not now (the edition not open yet, closed, released; the case withdrawn or frozen).
 * What the owner's writes check (use-cases/deadline.ts), said in advance.
 */
export function editableUntil(c: Pick<CaseRecord, 'status' | 'decision' | 'notifiedAt'>, edition: EditionRecord, extension: Pick<ExtensionRecord, 'deadline'> | undefined, now: Date): string | null {
  if (c.status === 'withdrawn' || isFrozen(c)) return null;
  const a = acceptance(edition, now, extension?.deadline);
  return a.ok ? a.until : null;
}

/** A new draft; in `locale` (the creator's language) unless the fields name the case's language. */
export function newCase(caseId: string, editionId: string, owner: Caller, fields: CaseFields, locale: Locale, now: Date): CaseRecord {
  const t = now.toISOString();
  return { ...fields, locale: fields.locale ?? locale, caseId, editionId, ownerId: owner.sub, ownerEmail: owner.email, status: 'draft', createdAt: t, updatedAt: t, version: 1 };
}

/** Merge: a given field replaces the stored one, null removes it. A changed contact address is no longer confirmed. */
export function patchedCase(current: CaseRecord, patch: CasePatch, now: Date): CaseRecord {
  const next: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else if (v !== undefined) next[k] = v;
  }
  const merged = next as unknown as CaseRecord;
  const confirmed = keptConfirmation(merged);
  const { contactConfirmedEmail: _dropped, ...rest } = merged;
  return { ...rest, ...(confirmed ? { contactConfirmedEmail: confirmed } : {}), updatedAt: now.toISOString(), version: current.version + 1 };
}

export const fieldsOf = (c: CaseRecord): CaseFields =>
  Object.fromEntries(CASE_FIELDS.filter((k) => c[k] !== undefined).map((k) => [k, c[k]])) as CaseFields;

/**
 * Who the caller is to this case by who they are, or undefined. An assigned reviewer is a viewer too, which
 * takes a read of their assignment (use-cases/case-access.ts).
 */
export function viewerOf(c: CaseRecord, caller: Caller): Viewer | undefined {
  if (c.ownerId === caller.sub) return 'owner';
  if (caller.groups.includes('organisers')) return 'organiser';
  return undefined;
}

/**
 * Organisers always see the decision; the owner once their selection notice has been sent or the results are
 * released; reviewers never (they recommend, the organisers decide).
 */
export function decisionFor(c: CaseRecord, edition: EditionRecord, viewer: Viewer): Decision | null {
  if (viewer === 'organiser') return c.decision ?? null;
  if (viewer === 'owner' && (c.notifiedAt || edition.releasedAt)) return c.decision ?? null;
  return null;
}
