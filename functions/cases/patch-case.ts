import { listAttachments } from '#adapters/attachments-repo';
import { getCase, replaceCase } from '#adapters/cases-repo';
import { getEdition, getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { deadlineChecks } from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { patchCase } from '#use-cases/cases/patch-case';

const ports = {
  attachments: { listAttachments },
  cases: { getCase, replaceCase },
  editions: { getEdition, getEditionFor },
  reviews: { getReviewer },
  transactions: { deadlineChecks },
};

export const handler = httpHandler(routes.patchCase, async ({ params, body, caller, ifMatch, locale, now }) => {
  const { record, edition, extension } = await patchCase(ports, { caseId: params.caseId, caller, patch: body, ifMatch, now });
  return { status: 200, body: caseView(record, edition, 'owner', now, locale, extension), version: record.version };
});
