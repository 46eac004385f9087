/**
 * Primary course:
 * 1. A page of the reviewers group, from the directory.
 * 2. Each reviewer with their load over the unreleased editions (reviewer-load.ts).
 */
import type { DirectoryAccount, ReviewerLoad } from '#domain/committee';
import type { Directory } from '../ports.ts';
import { withLoads, type LoadPorts } from './reviewer-load.ts';

export async function listReviewers(
  ports: LoadPorts & { directory: Pick<Directory, 'listReviewers'> },
  input: { limit: number; cursor?: string; now: Date },
): Promise<{ items: (DirectoryAccount & { load: ReviewerLoad })[]; nextCursor: string | null }> {
  const page = await ports.directory.listReviewers(input.limit, input.cursor);
  return { items: await withLoads(ports, page.items, input.now), nextCursor: page.nextCursor };
}
