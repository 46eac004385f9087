/**
 * Primary course:
 * 1. Read the ids of the recorded mails that are due (first attempts that failed, backoffs that ran out).
 * 2. One more attempt at each (send-mail.ts); count the outcomes.
 */
import type { Mails } from '../ports.ts';
import { attemptMail, type SendMailPorts, type SendOutcome } from './send-mail.ts';

export type RetryMailPorts = SendMailPorts & { mails: Pick<Mails, 'dueMailIds'> };

export async function retryDue(ports: RetryMailPorts): Promise<Record<SendOutcome, number>> {
  const counts: Record<SendOutcome, number> = { sent: 0, retry: 0, failed: 0, cancelled: 0, 'not-claimed': 0 };
  for (const id of await ports.mails.dueMailIds(ports.clock())) counts[await attemptMail(ports, id)] += 1;
  return counts;
}
