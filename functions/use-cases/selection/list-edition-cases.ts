/**
 * Primary course:
 * 1. The edition exists (404 otherwise).
 * 2. A page of its cases, filtered and ordered as asked (read together with the edition).
 */
import { notFound } from '#domain/errors';
import type { CaseListFilters } from '#domain/selection-input';
import type { Editions, Listing } from '../ports.ts';

export async function listEditionCases(
  ports: { editions: Pick<Editions, 'getEdition'>; listing: Pick<Listing, 'listEditionCases'> },
  input: { editionId: string; filters: CaseListFilters; limit: number; cursor?: string },
) {
  const [edition, page] = await Promise.all([
    ports.editions.getEdition(input.editionId),
    ports.listing.listEditionCases(input.editionId, input.filters, input.limit, input.cursor),
  ]);
  if (!edition) throw notFound('edition');
  return page;
}
