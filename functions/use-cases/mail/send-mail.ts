/**
 * One attempt at a recorded mail, by whoever picks it up: the stream's mail function right after the write that
 * queued it, or the retry worker. Never throws for a send failure.
 * Primary course:
 * 1. Claim the mail; one another sender holds, or that is not due, is 'not-claimed'.
 * 2. Render what it says now (contentOf), a confirmation in its owner's language as it is then; with nothing left to
 *    confirm it is cancelled.
 * 3. A submission confirmation, at its first attempt, counts against its applicant's daily cap
 *    (CONFIRMATIONS_PER_APPLICANT_PER_DAY, UTC days); past the cap it is cancelled unsent.
 * 4. Send it and record it sent. A failure is recorded: for a retry with backoff, or as failed when retrying
 *    cannot cure it.
 */
import type { CaseRecord } from '#domain/case';
import { utcDay } from '#domain/contact';
import { CONFIRMATIONS_PER_APPLICANT_PER_DAY } from '#domain/limits';
import { submissionConfirmation, type MailMessage, type MailRecord } from '#domain/mail';
import type { Cases, Editions, Log, Mailer, Mails } from '../ports.ts';
import { ownerLocale, type RecipientLocalePorts } from '../recipient-locale.ts';

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'cancelled' | 'not-claimed';

/** Why a confirmation past the applicant's daily cap is not sent (kept on the mail record as its lastError). */
export const DAILY_CAP_REACHED = `Not sent: the applicant reached their daily cap of ${CONFIRMATIONS_PER_APPLICANT_PER_DAY} submission confirmations (UTC day).`;

export interface SendMailPorts extends RecipientLocalePorts {
  mails: Pick<Mails, 'claimMail' | 'countConfirmation' | 'recordCancelled' | 'recordFailure' | 'recordSent'>;
  mailer: Pick<Mailer, 'mailer' | 'mailFailure'>;
  cases: Pick<Cases, 'getCase'>;
  editions: Pick<Editions, 'getEdition'>;
  /** Read at the claim and at each record: a send may take seconds. */
  clock: () => Date;
  log: Log;
}

/**
 * What the mail says now, and for a submission confirmation its case. A confirmation is rendered from its case as it
 * is when sent, so that the one mail that stands for several re-submits says the latest receipt, and copies the
 * contact only if it is confirmed by then. Undefined when there is nothing left to confirm (the case was withdrawn
 * meanwhile).
 */
async function contentOf(ports: SendMailPorts, m: MailRecord): Promise<{ message: MailMessage; confirmed?: CaseRecord } | undefined> {
  if (m.kind !== 'submission-confirmation') {
    if (m.text === undefined || m.html === undefined) throw new Error(`Mail ${m.mailId} (${m.kind}) was recorded without its text`);
    return { message: { to: m.to, cc: m.cc, subject: m.subject, text: m.text, html: m.html } };
  }
  const c = await ports.cases.getCase(m.caseId, true);
  if (!c || c.status !== 'submitted' || !c.receipt) return undefined;
  const [edition, locale] = await Promise.all([ports.editions.getEdition(c.editionId), ownerLocale(ports, c)]);
  return edition ? { message: submissionConfirmation(locale, c, edition, c.receipt), confirmed: c } : undefined;
}

export async function attemptMail(ports: SendMailPorts, mailId: string): Promise<SendOutcome> {
  const mail = await ports.mails.claimMail(mailId, ports.clock());
  if (!mail) return 'not-claimed';
  try {
    const content = await contentOf(ports, mail);
    if (!content) {
      await ports.mails.recordCancelled(mail, 'Nothing to confirm any more: the case is no longer submitted.', ports.clock());
      return 'cancelled';
    }
    // Counted once (countConfirmation marks the mail): a retry of the same mail is not another mail.
    const owner = content.confirmed?.ownerId;
    if (owner && (await ports.mails.countConfirmation(mail, owner, utcDay(ports.clock()), CONFIRMATIONS_PER_APPLICANT_PER_DAY)) === 'cap-reached') {
      await ports.mails.recordCancelled(mail, DAILY_CAP_REACHED, ports.clock());
      ports.log.info('confirmation not sent: the applicant reached their daily cap', { mailId, caseId: mail.caseId });
      return 'cancelled';
    }
    const { messageId } = await ports.mailer.mailer.send(content.message);
    await ports.mails.recordSent(mail, messageId, ports.clock(), content.message);
    return 'sent';
  } catch (err) {
    const permanent = ports.mailer.mailFailure(err) === 'permanent';
    const outcome = await ports.mails.recordFailure(mail, `${(err as Error).name}: ${(err as Error).message}`, permanent, ports.clock());
    ports.log.warn('mail not sent', { mailId, attempt: mail.attempts, outcome, error: (err as Error).message });
    return outcome;
  }
}
