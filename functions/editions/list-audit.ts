import { notFound } from '#domain/errors';
import { getEdition, listAudit } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.listAudit, async ({ params, query }) => {
  if (!(await getEdition(params.editionId))) throw notFound('The edition');
  const page = await listAudit(params.editionId, query.limit, query.cursor);
  return {
    status: 200,
    body: { items: page.items.map(({ at, action, by, subject, details }) => ({ at, action, by, subject, details })), nextCursor: page.nextCursor },
  };
});
