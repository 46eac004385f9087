/**
 * Primary course:
 * 1. One page of the caller's cases, all editions, newest first.
 * 2. Their editions in one read; a case whose edition is missing is left out.
 */
import type { CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import type { EditionRecord } from '#domain/edition';
import type { Cases, Editions } from '../ports.ts';

export type ListMyCasesPorts = { cases: Pick<Cases, 'listCasesByOwner'>; editions: Pick<Editions, 'getEditions'> };

export async function listMyCases(
  ports: ListMyCasesPorts,
  input: { caller: Caller; limit: number; cursor?: string | undefined },
): Promise<{ items: { record: CaseRecord; edition: EditionRecord }[]; nextCursor: string | null }> {
  const page = await ports.cases.listCasesByOwner(input.caller.sub, input.limit, input.cursor);
  const editions = page.items.length ? await ports.editions.getEditions(page.items.map((c) => c.editionId)) : new Map<string, EditionRecord>();
  const items = page.items.flatMap((record) => {
    const edition = editions.get(record.editionId);
    return edition ? [{ record, edition }] : [];
  });
  return { items, nextCursor: page.nextCursor };
}
