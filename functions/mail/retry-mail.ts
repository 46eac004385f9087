/** Every minute: one more attempt for each recorded mail that is due. */
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as mails from '#adapters/mail-repo';
import * as mailer from '#adapters/mailer';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { retryDue } from '#use-cases/mail/retry-mail';

const ports = { cases, editions, mails, mailer, clock: () => new Date(), log: logger };

export const handler = workerHandler(workers.retryMail, async () => {
  const counts = await retryDue(ports);
  if (counts.sent + counts.retry + counts.failed + counts.cancelled > 0) logger.info('mail retries', counts);
  return counts;
});
