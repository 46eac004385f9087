/** Every minute: one more attempt for each recorded mail that is due (first attempts that failed, backoffs that ran out). */
import { dueMailIds } from '#adapters/mail-repo';
import { logger } from '#shared/logger';
import { attemptMail, type SendOutcome } from '#shared/send-mail';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

export async function retryDue(now: () => Date = () => new Date()): Promise<Record<SendOutcome, number>> {
  const counts: Record<SendOutcome, number> = { sent: 0, retry: 0, failed: 0, cancelled: 0, 'not-claimed': 0 };
  for (const id of await dueMailIds(now())) counts[await attemptMail(id, now)] += 1;
  return counts;
}

export const handler = workerHandler(workers.retryMail, async (): Promise<Record<SendOutcome, number>> => {
  const counts = await retryDue();
  if (counts.sent + counts.retry + counts.failed + counts.cancelled > 0) logger.info('mail retries', counts);
  return counts;
});
