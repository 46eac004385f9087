/**
 * Primary course:
 * 1. One page of the editions, newest opening first.
 */
import type { EditionRecord } from '#domain/edition';
import type { Editions } from '../ports.ts';

export async function listEditions(
  ports: { editions: Pick<Editions, 'listEditions'> },
  input: { limit: number; cursor?: string | undefined },
): Promise<{ items: EditionRecord[]; nextCursor: string | null }> {
  return ports.editions.listEditions(input.limit, input.cursor);
}
