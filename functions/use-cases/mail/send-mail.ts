/**
 * One attempt at a recorded mail. Never throws for a send failure.
 * Primary course:
 * 1. Claim the mail; one another sender holds, or that is not due, is 'not-claimed'.
 * 2. Render what it says now (contentOf); with nothing left to confirm it is cancelled.
 * 3. Send it and record it sent. A failure is recorded: for a retry with backoff, or as failed when retrying
 *    cannot cure it.
 */
import { submissionConfirmation, type MailMessage, type MailRecord } from '#domain/mail';
import type { Cases, Editions, Mailer, Mails } from '../ports.ts';

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'cancelled' | 'not-claimed';

/** Where a use case reports what its answer does not say (the handler passes the structured logger). */
export interface Log {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}

export interface SendMailPorts {
  mails: Pick<Mails, 'claimMail' | 'recordCancelled' | 'recordFailure' | 'recordSent'>;
  mailer: Pick<Mailer, 'mailer' | 'mailFailure'>;
  cases: Pick<Cases, 'getCase'>;
  editions: Pick<Editions, 'getEdition'>;
  /** Read at the claim and at each record: a send may take seconds. */
  clock: () => Date;
  log: Log;
}

/**
 * What the mail says now. A submission confirmation is rendered from its case as it is when sent, so that the one
 * mail that stands for several re-submits says the latest receipt, and copies the contact only if it is confirmed
 * by then. Undefined when there is nothing left to confirm (the case was withdrawn meanwhile).
 */
async function contentOf(ports: SendMailPorts, m: MailRecord): Promise<MailMessage | undefined> {
  if (m.kind !== 'submission-confirmation') return m;
  const c = await ports.cases.getCase(m.caseId, true);
  if (!c || c.status !== 'submitted' || !c.receipt) return undefined;
  const edition = await ports.editions.getEdition(c.editionId);
  return edition ? submissionConfirmation(c, edition, c.receipt) : undefined;
}

export async function attemptMail(ports: SendMailPorts, mailId: string): Promise<SendOutcome> {
  const mail = await ports.mails.claimMail(mailId, ports.clock());
  if (!mail) return 'not-claimed';
  try {
    const message = await contentOf(ports, mail);
    if (!message) {
      await ports.mails.recordCancelled(mail, 'Nothing to confirm any more: the case is no longer submitted.', ports.clock());
      return 'cancelled';
    }
    const { messageId } = await ports.mailer.mailer.send(message);
    await ports.mails.recordSent(mail, messageId, ports.clock(), message);
    return 'sent';
  } catch (err) {
    const permanent = ports.mailer.mailFailure(err) === 'permanent';
    const outcome = await ports.mails.recordFailure(mail, `${(err as Error).name}: ${(err as Error).message}`, permanent, ports.clock());
    ports.log.warn('mail not sent', { mailId, attempt: mail.attempts, outcome, error: (err as Error).message });
    return outcome;
  }
}
