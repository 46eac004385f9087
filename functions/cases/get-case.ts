import { caseView } from '#shared/views/case';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.getCase, async ({ params, caller, now }) => {
  const { record, edition, viewer } = await caseFor(params.caseId, caller, 'view');
  return { status: 200, body: caseView(record, edition, viewer, now), version: record.version };
});
