import { getCases } from '#adapters/cases-repo';
import { selectedCasesPage } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { publicCase } from '#shared/views/case';
import { getResults } from '#use-cases/editions/get-results';

const ports = { editions: { getEdition }, listing: { selectedCasesPage }, cases: { getCases } };

/** Public fields only (no e-mail addresses, contact details, reviews or notes). */
export const handler = httpHandler(routes.getResults, async ({ params }) => {
  const { edition, outstanding, collection } = await getResults(ports, params);
  return { status: 200, body: { editionId: edition.editionId, releasedAt: edition.releasedAt, outstanding: outstanding.map(publicCase), collection: collection.map(publicCase) } };
});
