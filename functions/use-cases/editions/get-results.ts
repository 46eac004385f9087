/**
 * The published results: 404 until the edition is released.
 * Primary course:
 * 1. Read the edition: released, or 404.
 * 2. The ids of its selected cases, page after page, then the cases in one batch.
 * 3. The outstanding and the collection cases, each ordered by title (the Chinese one where a case has no English one).
 */
import type { CaseRecord } from '#domain/case';
import type { EditionRecord } from '#domain/edition';
import { notFound } from '#domain/errors';
import type { Cases, Editions, Listing } from '../ports.ts';

export type GetResultsPorts = { editions: Pick<Editions, 'getEdition'>; listing: Pick<Listing, 'selectedCasesPage'>; cases: Pick<Cases, 'getCases'> };

export interface Results {
  edition: EditionRecord & { releasedAt: string };
  outstanding: CaseRecord[];
  collection: CaseRecord[];
}

export async function getResults(ports: GetResultsPorts, input: { editionId: string }): Promise<Results> {
  const edition = await ports.editions.getEdition(input.editionId);
  if (!edition?.releasedAt) throw notFound('results');
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.listing.selectedCasesPage(input.editionId, 100, cursor);
    ids.push(...page.items.map((c) => c.caseId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const cases = await ports.cases.getCases(ids);
  const titleOf = (c: CaseRecord) => c.title ?? c.titleZh ?? '';
  const byTitle = (a: CaseRecord, b: CaseRecord) => titleOf(a).localeCompare(titleOf(b)) || a.caseId.localeCompare(b.caseId);
  const of = (d: 'outstanding' | 'collection') => cases.filter((c) => c.decision === d).sort(byTitle);
  return { edition: { ...edition, releasedAt: edition.releasedAt }, outstanding: of('outstanding'), collection: of('collection') };
}
