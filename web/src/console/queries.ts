/**
 * The reads and the shared facts of the organisers' console: the edition, the count of outstanding cases, the
 * committee (GET /reviewers). Vocabulary and the editions list come from cases/queries.ts.
 */
import { ok, type ApiClient, type Schemas } from '../api/client';
import type { paths } from '../api/schema';

export type CaseSummary = Schemas['CaseSummary'];
export type AuditEntry = Schemas['AuditEntry'];
export type Decision = Schemas['DecisionInput']['decision'];
/** The list's filters and order (GET /editions/{editionId}/cases and its CSV take the same). */
export type CaseFilters = Omit<NonNullable<paths['/editions/{editionId}/cases']['get']['parameters']['query']>, 'limit' | 'cursor'>;

/** The selection aims at about this many outstanding cases (issue 17); the count is shown against it. */
export const OUTSTANDING_TARGET = 12;

/** The largest page the API gives (API.md, "Lists are paginated"). */
export const MAX_PAGE = 100;

/** The contract's entity tag of a version (API.md, "Optimistic concurrency"). */
export const ifMatch = (version: number): string => `"${version}"`;

export const loadEdition = (api: ApiClient, editionId: string) => ok(api.GET('/editions/{editionId}', { params: { path: { editionId } } }));

/** Every page of a list, `load` given the cursor. */
export async function allPages<T>(load: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Every case of the edition that matches `filters`. */
export const loadAllCases = (api: ApiClient, editionId: string, filters: CaseFilters) =>
  allPages((cursor) => ok(api.GET('/editions/{editionId}/cases', { params: { path: { editionId }, query: { ...filters, limit: MAX_PAGE, ...(cursor ? { cursor } : {}) } } })));

/** How many cases of the edition are outstanding now, whatever the list shows. */
export const countOutstanding = async (api: ApiClient, editionId: string): Promise<number> => (await loadAllCases(api, editionId, { decision: 'outstanding' })).length;

/** A member of the expert committee: name, e-mail, sub (what the assignment routes take) and load. */
export type CommitteeMember = Schemas['CommitteeMember'];

/** The committee, every page. */
export const loadCommittee = (api: ApiClient): Promise<CommitteeMember[]> =>
  allPages((cursor) => ok(api.GET('/reviewers', { params: { query: { limit: MAX_PAGE, ...(cursor ? { cursor } : {}) } } })));
