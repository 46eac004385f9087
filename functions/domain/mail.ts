/** E-mails the system sends, as records: written with the change that causes them, sent after, retried until sent or given up. */
import type { CaseRecord, ConfirmationSlot } from './case.ts';
import { contactConfirmed, sameAddress, type ContactState } from './contact.ts';
import type { EditionRecord } from './edition.ts';
import { CONFIRMATION_INTERVAL_SECONDS } from './limits.ts';
import { formatInZone } from './receipt.ts';
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

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * To the owner's account address (the verified `email` claim), with the case contact in copy only once that
 * address was confirmed (domain/contact.ts): an address someone merely typed is never written to.
 */
export function recipients(c: ContactState): { to: string[]; cc: string[] } {
  const contact = c.contact?.email;
  return { to: [c.ownerEmail], cc: contact && contactConfirmed(c) && !sameAddress(contact, c.ownerEmail) ? [contact] : [] };
}

/** The subject of a submission confirmation: fixed wording and the case id, known before the mail is rendered. */
export const submissionSubject = (caseId: string): string => `Case submitted: ${caseId}`;

/**
 * The submission confirmation. Its subject is fixed wording and the case id: nothing an applicant typed goes into
 * a header. The title is in the body only (escaped in the HTML).
 */
export function submissionConfirmation(c: CaseRecord, e: EditionRecord, receipt: { submittedAt: string; sha256: string }): MailMessage {
  const title = c.title ?? '(untitled)';
  const local = `${formatInZone(receipt.submittedAt, e.timeZone)} (${e.timeZone})`;
  const utc = `${formatInZone(receipt.submittedAt, 'UTC')} UTC`;
  const lines = [
    `Your case "${title}" was submitted to ${e.name}.`,
    '',
    `Submitted: ${local}, ${utc}`,
    `Receipt (SHA-256): ${receipt.sha256}`,
    `Case: ${c.caseId}`,
    '',
    'You can still edit the case until the deadline; each change issues a new receipt.',
    `Confirmations are sent at most once an hour; the next one, if any, says the receipt current when it is sent.`,
  ];
  return {
    ...recipients(c),
    subject: submissionSubject(c.caseId),
    text: lines.join('\n'),
    html: `<p>Your case <b>${esc(title)}</b> was submitted to ${esc(e.name)}.</p><ul><li>Submitted: ${esc(local)}, ${esc(utc)}</li><li>Receipt (SHA-256): <code>${receipt.sha256}</code></li><li>Case: ${c.caseId}</li></ul><p>You can still edit the case until the deadline; each change issues a new receipt.</p><p>Confirmations are sent at most once an hour; the next one, if any, says the receipt current when it is sent.</p>`,
  };
}

/**
 * The code that confirms a contact address: to that address alone. Fixed wording, the case id and the edition's
 * name (the organisers'), nothing the applicant typed: a stranger's inbox gets no text of the applicant's choosing.
 */
export function contactVerification(caseId: string, email: string, e: EditionRecord, code: string, expiresAt: string): MailMessage {
  const until = `${formatInZone(expiresAt, 'UTC')} UTC`;
  const lines = [
    `This address was given as the contact of case ${caseId} in ${e.name}.`,
    '',
    `If that is right, give this code to the person who submits the case: ${code}`,
    `It is valid until ${until}. With it, e-mails about the case are copied to this address.`,
    '',
    'If you do not know about this case, ignore this e-mail: nothing more is sent to you unless the code is used.',
  ];
  return {
    to: [email],
    cc: [],
    subject: `Confirmation code for the contact of case ${caseId}`,
    text: lines.join('\n'),
    html: `<p>This address was given as the contact of case ${caseId} in ${esc(e.name)}.</p><p>If that is right, give this code to the person who submits the case: <b>${esc(code)}</b></p><p>It is valid until ${esc(until)}. With it, e-mails about the case are copied to this address.</p><p>If you do not know about this case, ignore this e-mail: nothing more is sent to you unless the code is used.</p>`,
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
