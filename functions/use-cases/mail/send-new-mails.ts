/**
 * The outbox's first attempt: the mails a batch of the table's stream brings, just written by the change that caused
 * them (the transactional outbox).
 * Primary course:
 * 1. Keep the mails that are pending and due now; one due later (a confirmation held back by the hourly interval) is
 *    the retry worker's when it comes due.
 * 2. One attempt at each (send-mail.ts), a few at a time; count the outcomes.
 * 3. A mail whose attempt failed on the table (the claim or the record of its outcome) is handed back, for its stream
 *    record to be delivered again; the claim makes a second delivery harmless.
 */
import { attemptMail, type SendMailPorts, type SendOutcome } from './send-mail.ts';

/** What a stream record says of a new mail: enough to tell whether it is due. */
export interface NewMail {
  mailId: string;
  status: string;
  nextAttemptAt: string;
}

/** Attempts in flight at once: a batch is sent in seconds, without bursting past the SES send rate. */
export const NEW_MAIL_CONCURRENCY = 5;

export type NewMailCounts = Record<SendOutcome | 'not-due', number>;

export async function sendNewMails<M extends NewMail>(ports: SendMailPorts, mails: readonly M[]): Promise<{ counts: NewMailCounts; failed: M[] }> {
  const counts: NewMailCounts = { sent: 0, retry: 0, failed: 0, cancelled: 0, 'not-claimed': 0, 'not-due': 0 };
  const failed: M[] = [];
  const now = ports.clock().toISOString();
  const queue = [...mails];
  const next = async (): Promise<void> => {
    for (let m = queue.shift(); m; m = queue.shift()) {
      if (m.status !== 'pending' || m.nextAttemptAt > now) {
        counts['not-due'] += 1;
        continue;
      }
      try {
        counts[await attemptMail(ports, m.mailId)] += 1;
      } catch (err) {
        ports.log.warn('mail attempt failed on the table; its stream record is delivered again', { mailId: m.mailId, error: (err as Error).message });
        failed.push(m);
      }
    }
  };
  await Promise.all(Array.from({ length: NEW_MAIL_CONCURRENCY }, next));
  return { counts, failed };
}
