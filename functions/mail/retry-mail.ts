/** Every minute: one more attempt for each recorded mail that is due. */
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { claimMail, countConfirmation, dueMailIds, recordCancelled, recordFailure, recordSent } from '#adapters/mail-repo';
import { mailFailure, mailer } from '#adapters/mailer';
import { getPreferences } from '#adapters/preferences-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { retryDue } from '#use-cases/mail/retry-mail';

const ports = {
  cases: { getCase },
  editions: { getEdition },
  mails: { claimMail, countConfirmation, dueMailIds, recordCancelled, recordFailure, recordSent },
  mailer: { mailFailure, mailer },
  preferences: { getPreferences },
  clock: () => new Date(),
  log: logger,
};

export const handler = workerHandler(workers.retryMail, async () => {
  const counts = await retryDue(ports);
  if (counts.sent + counts.retry + counts.failed + counts.cancelled > 0) logger.info('mail retries', counts);
  return counts;
});
