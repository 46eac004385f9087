/**
 * How much each reviewer has to do: their live assignments (not the cases they declared a conflict on) and how many
 * of those they have reviewed, counted over the editions not yet released (the committee's current work; a released
 * edition's assignments are history).
 */
import { loadOf, type DirectoryAccount, type ReviewerLoad } from '#domain/committee';
import type { ReviewerRecord } from '#domain/review';
import { editionStatus } from '#domain/rules';
import type { Editions, Reviews } from '../ports.ts';

export type LoadPorts = { editions: Pick<Editions, 'allEditions'>; reviews: Pick<Reviews, 'listAssignmentsOf'> };

/** A reviewer's assignments are a few dozen at most: read whole, a page of the index at a time. */
const ASSIGNMENT_PAGE = 100;

async function allAssignmentsOf(ports: LoadPorts, sub: string): Promise<ReviewerRecord[]> {
  const out: ReviewerRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.reviews.listAssignmentsOf(sub, ASSIGNMENT_PAGE, cursor);
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Each account with its load, in the order given. */
export async function withLoads<A extends Pick<DirectoryAccount, 'sub'>>(ports: LoadPorts, accounts: A[], now: Date): Promise<(A & { load: ReviewerLoad })[]> {
  if (accounts.length === 0) return [];
  const unreleased = new Set((await ports.editions.allEditions()).filter((e) => editionStatus(e, now) !== 'released').map((e) => e.editionId));
  return Promise.all(accounts.map(async (a) => ({ ...a, load: loadOf(await allAssignmentsOf(ports, a.sub), unreleased) })));
}
