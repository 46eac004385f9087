/**
 * Primary course:
 * 1. A page of the caller's live assignments (declared conflicts are not listed).
 * 2. Each with its case, read in one batch; an assignment whose case is gone is left out.
 */
import type { Caller } from '#domain/caller';
import type { CaseRecord } from '#domain/case';
import type { ReviewerRecord } from '#domain/review';
import type { Cases, Reviews } from '../ports.ts';

export type Assignment = { assignment: ReviewerRecord; case: CaseRecord };

export async function listMyAssignments(
  ports: { reviews: Pick<Reviews, 'listAssignmentsOf'>; cases: Pick<Cases, 'getCases'> },
  input: { caller: Caller; limit: number; cursor?: string },
): Promise<{ items: Assignment[]; nextCursor: string | null }> {
  const page = await ports.reviews.listAssignmentsOf(input.caller.sub, input.limit, input.cursor);
  const cases = new Map((await ports.cases.getCases(page.items.map((a) => a.caseId))).map((c) => [c.caseId, c]));
  const items = page.items.flatMap((assignment) => {
    const c = cases.get(assignment.caseId);
    return c ? [{ assignment, case: c }] : [];
  });
  return { items, nextCursor: page.nextCursor };
}
