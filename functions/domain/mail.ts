/** E-mails the system sends, as records: written with the change that causes them, sent after, retried until sent or given up. */
import type { CaseRecord } from './case.ts';
import type { EditionRecord } from './edition.ts';
import { formatInZone } from './receipt.ts';

export interface MailMessage {
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface MailRecord extends MailMessage {
  mailId: string;
  kind: 'submission-confirmation';
  caseId: string;
  editionId: string;
  status: MailStatus;
  attempts: number;
  /** While pending: not before this instant (a lease while one sender tries, a backoff after a failure). */
  nextAttemptAt: string;
  lastError?: string;
  messageId?: string;
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

/** To the owner's account address, with the case contact in copy when it differs. */
export function recipients(c: CaseRecord): { to: string[]; cc: string[] } {
  const contact = c.contact?.email;
  return { to: [c.ownerEmail], cc: contact && contact.toLowerCase() !== c.ownerEmail.toLowerCase() ? [contact] : [] };
}

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
  ];
  return {
    ...recipients(c),
    subject: `Submitted: ${title}`,
    text: lines.join('\n'),
    html: `<p>Your case <b>${esc(title)}</b> was submitted to ${esc(e.name)}.</p><ul><li>Submitted: ${esc(local)}, ${esc(utc)}</li><li>Receipt (SHA-256): <code>${receipt.sha256}</code></li><li>Case: ${c.caseId}</li></ul><p>You can still edit the case until the deadline; each change issues a new receipt.</p>`,
  };
}
