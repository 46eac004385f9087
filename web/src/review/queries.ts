/** The reviewer's reads: their assignments (every page) and their own review of a case (none until they save one). */
import { ApiProblem, ok, type ApiClient, type Schemas } from '../api/client';

export type Assignment = Schemas['MyAssignment'];
export type Review = Schemas['Review'];
export type ReviewInput = Schemas['ReviewInput'];
export type Criterion = keyof ReviewInput['scores'];
export type Recommendation = ReviewInput['recommendation'];

/** The largest page the API gives: a reviewer has tens of cases, so one page, rarely two. */
const ASSIGNMENTS_PAGE = 100;

/** Every case assigned to the caller, every page (the page groups them by edition and counts what is reviewed). */
export async function listAssignments(api: ApiClient): Promise<Assignment[]> {
  const items: Assignment[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET('/me/assignments', { params: { query: { limit: ASSIGNMENTS_PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The caller's review of the case, or null while they have saved none (the API answers 404 then). */
export async function loadMyReview(api: ApiClient, caseId: string): Promise<Review | null> {
  try {
    return await ok(api.GET('/cases/{caseId}/reviews/me', { params: { path: { caseId } } }));
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 404 && error.problem?.code === 'not-found') return null;
    throw error;
  }
}
