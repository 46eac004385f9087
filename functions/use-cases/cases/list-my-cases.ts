/**
 * Primary course:
 * 1. One page of the caller's cases, all editions, newest first.
 * 2. Their editions, with the caller's extension to each, in one read; a case whose edition is missing is left out.
 */
import type { Caller } from '#domain/caller';
import type { CaseInEdition } from '../case-access.ts';
import type { Cases, Editions } from '../ports.ts';

export type ListMyCasesPorts = { cases: Pick<Cases, 'listCasesByOwner'>; editions: Pick<Editions, 'getEditionsFor'> };

export async function listMyCases(
  ports: ListMyCasesPorts,
  input: { caller: Caller; limit: number; cursor?: string | undefined },
): Promise<{ items: CaseInEdition[]; nextCursor: string | null }> {
  const page = await ports.cases.listCasesByOwner(input.caller.sub, input.limit, input.cursor);
  const editions = page.items.length ? await ports.editions.getEditionsFor(page.items.map((c) => c.editionId), input.caller.sub) : new Map<string, Omit<CaseInEdition, 'record'>>();
  const items = page.items.flatMap((record) => {
    const found = editions.get(record.editionId);
    return found ? [{ record, ...found }] : [];
  });
  return { items, nextCursor: page.nextCursor };
}
