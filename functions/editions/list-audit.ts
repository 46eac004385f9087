import { notFound } from '#domain/errors';
import { auditChainValid, listAudit } from '#adapters/audit';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** A page of the trail, newest first, and whether the edition's whole chain holds (every entry, not just this page). */
export const handler = httpHandler(routes.listAudit, async ({ params, query }) => {
  if (!(await getEdition(params.editionId))) throw notFound('The edition');
  const [page, chainValid] = await Promise.all([listAudit(params.editionId, query.limit, query.cursor), auditChainValid(params.editionId)]);
  return {
    status: 200,
    body: {
      items: page.items.map(({ seq, at, action, by, subject, details, prevHash, hash }) => ({ seq, at, action, by, subject, details, prevHash, hash })),
      nextCursor: page.nextCursor,
      chainValid,
    },
  };
});
