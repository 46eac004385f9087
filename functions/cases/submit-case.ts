import { getCase, getCaseWithAttachments, replaceCase } from '#adapters/cases-repo';
import { getEdition, getEditionFor } from '#adapters/editions-repo';
import { mailPut } from '#adapters/mail-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { deadlineChecks } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { submitCase } from '#use-cases/cases/submit-case';

const ports = {
  cases: { getCase, getCaseWithAttachments, replaceCase },
  editions: { getEdition, getEditionFor },
  mails: { mailPut },
  reviews: { getReviewer },
  transactions: { deadlineChecks },
  log: logger,
};

export const handler = httpHandler(routes.submitCase, async ({ params, caller, ifMatch, locale, now }) => {
  const { record, edition, extension } = await submitCase(ports, { caseId: params.caseId, caller, ifMatch, now });
  count(BUSINESS_METRICS.casesSubmitted);
  return { status: 200, body: caseView(record, edition, 'owner', now, locale, extension), version: record.version };
});
