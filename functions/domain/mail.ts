/** E-mails the system sends, as records: written with the change that causes them, sent after, retried until sent or given up. */
import type { CaseRecord, ConfirmationSlot } from './case.ts';
import { contactConfirmed, sameAddress, type ContactState } from './contact.ts';
import type { EditionRecord } from './edition.ts';
import { CATALOGUES, DEFAULT_LOCALE, format, t, type Locale, type MessageKey } from './i18n/catalogues.ts';
import { zonedTime } from './i18n/dates.ts';
import { CONFIRMATION_INTERVAL_SECONDS } from './limits.ts';
import { escapeHtml } from './text.ts';
import type { MailKind, MailStatus } from './vocabulary.ts';

export interface MailMessage {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * A mail as recorded. A submission confirmation is rendered when it is sent (send-mail.ts), so while pending it
 * carries no text: the item the submit's transaction writes stays under 1 KB (one write unit) whatever the case says.
 * Every other kind carries its whole message from the start.
 */
export interface MailRecord extends Omit<MailMessage, 'text' | 'html'>, Partial<Pick<MailMessage, 'text' | 'html'>> {
  mailId: string;
  kind: MailKind;
  caseId: string;
  editionId: string;
  status: MailStatus;
  attempts: number;
  /** While pending: not before this instant (a lease while one sender tries, a backoff after a failure). */
  nextAttemptAt: string;
  lastError?: string;
  messageId?: string;
  /** The UTC day a submission confirmation was counted against its applicant's daily cap (once, at its first attempt). */
  countedOn?: string;
  createdAt: string;
  updatedAt: string;
}

/** Attempts before a mail is given up as failed (and stays recorded so). */
export const MAX_MAIL_ATTEMPTS = 8;
/** How long one sender holds a mail before another may try it. */
export const MAIL_LEASE_SECONDS = 120;

/** Backoff after the n-th failed attempt: 1, 2, 4 ... minutes, at most an hour. */
export const mailBackoffSeconds = (attempts: number): number => Math.min(3600, 60 * 2 ** Math.max(0, attempts - 1));


/** A line of a mail: a catalogue text, its values, and how the HTML sets some of them off (in bold, or as code). */
export interface MailLine {
  key: MessageKey;
  params?: Readonly<Record<string, string>>;
  marked?: Readonly<Record<string, 'b' | 'code'>>;
}

/** A paragraph of lines (each its own <p> in the HTML), or a list. */
export type MailBlock = { lines: readonly MailLine[]; list?: true };

const htmlLine = (locale: Locale, { key, params = {}, marked = {} }: MailLine): string =>
  format(
    escapeHtml(CATALOGUES[locale][key]),
    Object.fromEntries(Object.entries(params).map(([name, value]) => [name, marked[name] ? `<${marked[name]}>${escapeHtml(value)}</${marked[name]}>` : escapeHtml(value)])),
  );

/**
 * A mail's text and HTML from the same lines: the text as the catalogue words it, the HTML with the catalogue's text
 * and every value escaped (the values are what an applicant may have typed).
 */
export function mailBody(locale: Locale, blocks: readonly MailBlock[]): Pick<MailMessage, 'text' | 'html'> {
  return {
    text: blocks.map((b) => b.lines.map((l) => t(locale, l.key, l.params)).join('\n')).join('\n\n'),
    html: blocks
      .map((b) => {
        const lines = b.lines.map((l) => htmlLine(locale, l));
        return b.list ? `<ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul>` : lines.map((l) => `<p>${l}</p>`).join('');
      })
      .join(''),
  };
}

/** A case's title as a mail in `locale` names it: the title in that language, else the other one, else "untitled". */
export const titleIn = (locale: Locale, c: Pick<CaseRecord, 'title' | 'titleZh'>): string =>
  (locale === 'zh-CN' ? (c.titleZh ?? c.title) : (c.title ?? c.titleZh)) ?? t(locale, 'mail.untitled');

/**
 * To the owner's account address (the verified `email` claim), with the case contact in copy only once that
 * address was confirmed (domain/contact.ts): an address someone merely typed is never written to.
 */
export function recipients(c: ContactState): { to: string[]; cc: string[] } {
  const contact = c.contact?.email;
  return { to: [c.ownerEmail], cc: contact && contactConfirmed(c) && !sameAddress(contact, c.ownerEmail) ? [contact] : [] };
}

/**
 * The subject a submission confirmation is recorded with, before it is rendered in its reader's language when sent:
 * the English one, the API's default language (an organiser reading the outbox reads this).
 */
export const submissionSubject = (caseId: string): string => t(DEFAULT_LOCALE, 'mail.submission.subject', { caseId });

/**
 * The submission confirmation, in `locale`. Its subject is fixed wording and the case id: nothing an applicant typed
 * goes into a header. The title is in the body only (escaped in the HTML). The time of the receipt in the edition's
 * zone and in UTC.
 */
export function submissionConfirmation(locale: Locale, c: CaseRecord, e: EditionRecord, receipt: { submittedAt: string; sha256: string }): MailMessage {
  const { caseId } = c;
  const submittedAt = { local: zonedTime(locale, receipt.submittedAt, e.timeZone), utc: zonedTime(locale, receipt.submittedAt, 'UTC') };
  return {
    ...recipients(c),
    subject: t(locale, 'mail.submission.subject', { caseId }),
    ...mailBody(locale, [
      { lines: [{ key: 'mail.submission.intro', params: { title: titleIn(locale, c), edition: e.name }, marked: { title: 'b' } }] },
      {
        list: true,
        lines: [
          { key: 'mail.submission.submittedAt', params: submittedAt },
          { key: 'mail.submission.receipt', params: { sha256: receipt.sha256 }, marked: { sha256: 'code' } },
          { key: 'mail.case', params: { caseId } },
        ],
      },
      { lines: [{ key: 'mail.submission.editable' }, { key: 'mail.submission.interval' }] },
    ]),
  };
}

/**
 * The code that confirms a contact address: to that address alone, in `locale` (the case's). Fixed wording, the
 * case id and the edition's name (the organisers'), nothing the applicant typed: a stranger's inbox gets no text of
 * the applicant's choosing. The expiry in UTC: the contact's time zone is not known.
 */
export function contactVerification(locale: Locale, caseId: string, email: string, e: EditionRecord, code: string, expiresAt: string): MailMessage {
  return {
    to: [email],
    cc: [],
    subject: t(locale, 'mail.contactCode.subject', { caseId }),
    ...mailBody(locale, [
      { lines: [{ key: 'mail.contactCode.intro', params: { caseId, edition: e.name } }] },
      {
        lines: [
          { key: 'mail.contactCode.code', params: { code }, marked: { code: 'b' } },
          { key: 'mail.contactCode.validity', params: { until: zonedTime(locale, expiresAt, 'UTC') } },
        ],
      },
      { lines: [{ key: 'mail.contactCode.ignore' }] },
    ]),
  };
}

/**
 * When the confirmation of a (re-)submission at `now` is due, or undefined when none is to be queued: a mail
 * already waiting will say the latest receipt, since it is rendered when sent. Otherwise at once, or one
 * interval (CONFIRMATION_INTERVAL_SECONDS) after the previous one.
 */
export function confirmationDue(slot: ConfirmationSlot | undefined, now: Date): Date | undefined {
  if (!slot) return now;
  const previous = Date.parse(slot.dueAt);
  if (previous > now.getTime()) return undefined;
  return new Date(Math.max(now.getTime(), previous + CONFIRMATION_INTERVAL_SECONDS * 1000));
}
