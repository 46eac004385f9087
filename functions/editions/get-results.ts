import { publicCase } from '#shared/views/case';
import { notFound } from '#domain/errors';
import { selectedCasesPage } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { getCases } from '#adapters/cases-repo';
import type { CaseRecord } from '#domain/case';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * The published results: 404 until the edition is released. Public fields only (no e-mail addresses,
 * contact details, reviews or notes), outstanding and collection cases ordered by title.
 */
export const handler = httpHandler(routes.getResults, async ({ params }) => {
  const edition = await getEdition(params.editionId);
  if (!edition?.releasedAt) throw notFound('The results');
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await selectedCasesPage(params.editionId, 100, cursor);
    ids.push(...page.items.map((c) => c.caseId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const cases = await getCases(ids);
  const byTitle = (a: CaseRecord, b: CaseRecord) => (a.title ?? '').localeCompare(b.title ?? '') || a.caseId.localeCompare(b.caseId);
  const of = (d: 'outstanding' | 'collection') => cases.filter((c) => c.decision === d).sort(byTitle).map(publicCase);
  return { status: 200, body: { editionId: edition.editionId, releasedAt: edition.releasedAt, outstanding: of('outstanding'), collection: of('collection') } };
});
