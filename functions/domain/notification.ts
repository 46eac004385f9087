/**
 * The selection notification: who gets it, what it says, and the records of a run and of each recipient.
 * The templates are here and nowhere else: the workflow sends them and the preview route shows them.
 */
import { isSelected, type CaseRecord } from './case.ts';
import type { EditionRecord } from './edition.ts';
import { t, type Locale } from './i18n/catalogues.ts';
import { zonedTime } from './i18n/dates.ts';
import { mailBody, recipients, titleIn, type MailBlock, type MailMessage } from './mail.ts';
import type { RecipientStatus, RunStatus, SelectedDecision } from './vocabulary.ts';

/** One selected case's owner, across runs: a recipient is sent to at most once, whichever run does it. */
export interface RecipientRecord {
  editionId: string;
  caseId: string;
  email: string;
  decision: SelectedDecision;
  status: RecipientStatus;
  attempts: number;
  /** The run that last claimed it. */
  runId: string;
  messageId?: string;
  lastError?: string;
  /**
   * Set when a send may have reached SES without us knowing (a timeout after the request left): never sent
   * again automatically; the SES send or delivery event settles it.
   */
  uncertain?: boolean;
  /** While sending: another claim may take it over only after this (a crashed sender's claim is uncertain). */
  claimExpiresAt?: string;
  updatedAt: string;
}

export interface RunCounts {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface RunRecord {
  editionId: string;
  runId: string;
  status: RunStatus;
  startedAt: string;
  startedBy: string;
  finishedAt?: string;
  error?: string;
  counts: RunCounts;
}

export const EMPTY_COUNTS: RunCounts = { total: 0, sent: 0, failed: 0, skipped: 0 };

/** The run id is also the Step Functions execution name: deterministic, so a repeated start cannot make two runs. */
export const runIdOf = (editionId: string, seq: number): string => `notify-${editionId}-${String(seq).padStart(4, '0')}`;

/** Whom the owner asks: the edition's contact, else the organisers through a reply. */
function contactOf(locale: Locale, e: EditionRecord): string {
  if (!e.contact) return t(locale, 'mail.notice.organisers');
  const { name, email, phone } = e.contact;
  return phone ? t(locale, 'mail.notice.phone', { contact: `${name} <${email}>`, phone }) : `${name} <${email}>`;
}

/**
 * What the owner of a selected case receives, in `locale` (theirs): at their account address, the contact in copy
 * only once confirmed (mail.ts, recipients). The materials deadline in the edition's time zone.
 */
export function selectionNotice(locale: Locale, c: CaseRecord, e: EditionRecord): MailMessage {
  if (!isSelected(c.decision)) throw new Error(`Case ${c.caseId} is not selected`);
  const { caseId } = c;
  const intro = { title: titleIn(locale, c), edition: e.name };
  const closing: MailBlock = { lines: [{ key: 'mail.notice.questions', params: { contact: contactOf(locale, e) } }, { key: 'mail.case', params: { caseId } }] };
  const outstanding = c.decision === 'outstanding';
  const blocks: MailBlock[] = outstanding
    ? [
        { lines: [{ key: 'mail.notice.outstanding.intro', params: intro, marked: { title: 'b' } }] },
        {
          lines: [
            e.materialsDeadline
              ? { key: 'mail.notice.outstanding.materials', params: { deadline: zonedTime(locale, e.materialsDeadline, e.timeZone) } }
              : { key: 'mail.notice.outstanding.materialsLater' },
          ],
        },
        closing,
      ]
    : [{ lines: [{ key: 'mail.notice.collection.intro', params: intro, marked: { title: 'b' } }] }, { lines: [{ key: 'mail.notice.collection.next' }] }, closing];
  return {
    ...recipients(c),
    // Fixed wording and the case id: nothing the applicant typed goes into a header.
    subject: t(locale, outstanding ? 'mail.notice.outstanding.subject' : 'mail.notice.collection.subject', { caseId }),
    ...mailBody(locale, blocks),
  };
}
