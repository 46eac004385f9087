import { listAttachments } from '#adapters/attachments-repo';
import { getCase, replaceCase } from '#adapters/cases-repo';
import { getEdition, getEditionFor } from '#adapters/editions-repo';
import { applicantMailCount, claimMail, confirmationSlotPut, getConfirmationSlot, mailPut, recordCancelled, recordFailure, recordSent } from '#adapters/mail-repo';
import { mailFailure, mailer } from '#adapters/mailer';
import { getReviewer } from '#adapters/reviews-repo';
import { deadlineChecks } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { submitCase } from '#use-cases/cases/submit-case';

const ports = {
  attachments: { listAttachments },
  cases: { getCase, replaceCase },
  editions: { getEdition, getEditionFor },
  mails: { applicantMailCount, claimMail, confirmationSlotPut, getConfirmationSlot, mailPut, recordCancelled, recordFailure, recordSent },
  mailer: { mailFailure, mailer },
  reviews: { getReviewer },
  transactions: { deadlineChecks },
  clock: () => new Date(),
  log: logger,
};

export const handler = httpHandler(routes.submitCase, async ({ params, caller, ifMatch, now }) => {
  const { record, edition } = await submitCase(ports, { caseId: params.caseId, caller, ifMatch, now });
  count(BUSINESS_METRICS.casesSubmitted);
  return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
});
