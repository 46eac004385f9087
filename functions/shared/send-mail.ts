/** One attempt at a recorded mail: claim it, send it, record the outcome. Never throws for a send failure. */
import { submissionConfirmation, type MailMessage, type MailRecord } from '#domain/mail';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { claimMail, recordCancelled, recordFailure, recordSent } from '#adapters/mail-repo';
import { mailer, PermanentMailError } from '#adapters/mailer';
import { logger } from './logger.ts';

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'cancelled' | 'not-claimed';

/**
 * What the mail says now. A submission confirmation is rendered from its case as it is when sent, so that the one
 * mail that stands for several re-submits says the latest receipt, and copies the contact only if it is confirmed
 * by then. Undefined when there is nothing left to confirm (the case was withdrawn meanwhile).
 */
async function contentOf(m: MailRecord): Promise<MailMessage | undefined> {
  if (m.kind !== 'submission-confirmation') return m;
  const c = await getCase(m.caseId, true);
  if (!c || c.status !== 'submitted' || !c.receipt) return undefined;
  const edition = await getEdition(c.editionId);
  return edition ? submissionConfirmation(c, edition, c.receipt) : undefined;
}

export async function attemptMail(mailId: string, now: () => Date = () => new Date()): Promise<SendOutcome> {
  const mail = await claimMail(mailId, now());
  if (!mail) return 'not-claimed';
  try {
    const message = await contentOf(mail);
    if (!message) {
      await recordCancelled(mail, 'Nothing to confirm any more: the case is no longer submitted.', now());
      return 'cancelled';
    }
    const { messageId } = await mailer.send(message);
    await recordSent(mail, messageId, now(), message);
    return 'sent';
  } catch (err) {
    const permanent = err instanceof PermanentMailError;
    const outcome = await recordFailure(mail, `${(err as Error).name}: ${(err as Error).message}`, permanent, now());
    logger.warn('mail not sent', { mailId, attempt: mail.attempts, outcome, error: (err as Error).message });
    return outcome;
  }
}
