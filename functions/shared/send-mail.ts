/** One attempt at a recorded mail: claim it, send it, record the outcome. Never throws for a send failure. */
import { claimMail, recordFailure, recordSent } from '#adapters/mail-repo';
import { mailer, PermanentMailError } from '#adapters/mailer';
import { logger } from './logger.ts';

export type SendOutcome = 'sent' | 'retry' | 'failed' | 'not-claimed';

export async function attemptMail(mailId: string, now: () => Date = () => new Date()): Promise<SendOutcome> {
  const mail = await claimMail(mailId, now());
  if (!mail) return 'not-claimed';
  try {
    const { messageId } = await mailer.send(mail);
    await recordSent(mail, messageId, now());
    return 'sent';
  } catch (err) {
    const permanent = err instanceof PermanentMailError;
    const outcome = await recordFailure(mail, `${(err as Error).name}: ${(err as Error).message}`, permanent, now());
    logger.warn('mail not sent', { mailId, attempt: mail.attempts, outcome, error: (err as Error).message });
    return outcome;
  }
}
