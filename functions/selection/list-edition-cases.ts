import { listEditionCases as listingListEditionCases } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/selection';
import { caseSummary } from '#shared/views/case';
import { listEditionCases } from '#use-cases/selection/list-edition-cases';

const ports = { editions: { getEdition }, listing: { listEditionCases: listingListEditionCases } };

/** An organiser's own cases are listed without their review aggregate (a conflict of interest: domain/case.ts, reviewsFor). */
export const handler = httpHandler(routes.listEditionCases, async ({ params, query, caller }) => {
  const { limit, cursor, ...filters } = query;
  const page = await listEditionCases(ports, { editionId: params.editionId, filters, limit, cursor });
  return { status: 200, body: { items: page.items.map((c) => caseSummary(c, caller.sub)), nextCursor: page.nextCursor } };
});
