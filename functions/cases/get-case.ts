import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { caseView } from '#shared/views/case';
import { caseFor } from '#use-cases/case-access';

const ports = { cases, editions, reviews };

export const handler = httpHandler(routes.getCase, async ({ params, caller, now }) => {
  const { record, edition, viewer } = await caseFor(ports, params.caseId, caller, 'view');
  return { status: 200, body: caseView(record, edition, viewer, now), version: record.version };
});
