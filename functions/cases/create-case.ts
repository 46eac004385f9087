import { createCase as casesCreateCase, getCase } from '#adapters/cases-repo';
import { getEdition, getEditionFor } from '#adapters/editions-repo';
import { deadlineChecks } from '#adapters/transact';
import { firstLocaleItem } from '#adapters/preferences-repo';
import { httpHandler } from '#shared/handler';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { createCase } from '#use-cases/cases/create-case';

const ports = {
  cases: { createCase: casesCreateCase, getCase },
  editions: { getEdition, getEditionFor },
  transactions: { deadlineChecks },
  preferences: { firstLocaleItem },
};

export const handler = httpHandler(routes.createCase, async ({ params, body, caller, locale, now }) => {
  const { record, edition, extension } = await createCase(ports, { editionId: params.editionId, caller, fields: body, locale, now });
  count(BUSINESS_METRICS.casesCreated);
  return { status: 201, body: caseView(record, edition, 'owner', now, locale, extension), version: record.version, headers: { location: `/cases/${record.caseId}` } };
});
