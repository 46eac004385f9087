import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { caseFor } from '#use-cases/case-access';

const ports = { cases: { getCase }, editions: { getEditionFor }, reviews: { getReviewer } };

export const handler = httpHandler(routes.getCase, async ({ params, caller, locale, now }) => {
  const { record, edition, extension, viewer } = await caseFor(ports, params.caseId, caller, 'view');
  return { status: 200, body: caseView(record, edition, viewer, now, locale, extension), version: record.version };
});
