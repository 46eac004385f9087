import { getCase, replaceCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { notReleasedCheck } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { withdrawCase } from '#use-cases/cases/withdraw-case';

const ports = {
  cases: { getCase, replaceCase },
  editions: { getEditionFor },
  reviews: { getReviewer },
  transactions: { notReleasedCheck },
};

export const handler = httpHandler(routes.withdrawCase, async ({ params, caller, ifMatch, locale, now }) => {
  const { record, edition, extension } = await withdrawCase(ports, { caseId: params.caseId, caller, ifMatch, now });
  return { status: 200, body: caseView(record, edition, 'owner', now, locale, extension), version: record.version };
});
