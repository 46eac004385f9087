import { caseSummary } from '#domain/case';
import { notFound } from '#domain/errors';
import { listEditionCases } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.listEditionCases, async ({ params, query }) => {
  const { limit, cursor, ...filters } = query;
  const [edition, page] = await Promise.all([getEdition(params.editionId), listEditionCases(params.editionId, filters, limit, cursor)]);
  if (!edition) throw notFound('The edition');
  return { status: 200, body: { items: page.items.map(caseSummary), nextCursor: page.nextCursor } };
});
