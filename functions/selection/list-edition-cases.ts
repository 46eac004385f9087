import { caseSummary } from '#shared/views/case';
import { notFound } from '#domain/errors';
import { listEditionCases } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** An organiser's own cases are listed without their review aggregate (a conflict of interest: domain/case.ts, reviewsFor). */
export const handler = httpHandler(routes.listEditionCases, async ({ params, query, caller }) => {
  const { limit, cursor, ...filters } = query;
  const [edition, page] = await Promise.all([getEdition(params.editionId), listEditionCases(params.editionId, filters, limit, cursor)]);
  if (!edition) throw notFound('The edition');
  return { status: 200, body: { items: page.items.map((c) => caseSummary(c, caller.sub)), nextCursor: page.nextCursor } };
});
