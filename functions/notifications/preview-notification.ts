import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/notifications';
import { previewNotification } from '#use-cases/selection/preview-notification';

const ports = { cases: { getCase }, editions: { getEdition } };

export const handler = httpHandler(routes.previewNotification, async ({ params, query, caller }) => {
  return { status: 200, body: await previewNotification(ports, { editionId: params.editionId, caseId: query.caseId, caller }) };
});
