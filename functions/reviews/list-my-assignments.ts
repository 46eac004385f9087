import { getCases } from '#adapters/cases-repo';
import { listAssignmentsOf } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** The caller's live assignments (declared conflicts are not listed), each with the case's title and status. */
export const handler = httpHandler(routes.listMyAssignments, async ({ query, caller }) => {
  const page = await listAssignmentsOf(caller.sub, query.limit, query.cursor);
  const cases = new Map((await getCases(page.items.map((a) => a.caseId))).map((c) => [c.caseId, c]));
  const items = page.items.flatMap((a) => {
    const c = cases.get(a.caseId);
    if (!c) return [];
    return [{
      caseId: a.caseId,
      editionId: a.editionId,
      title: c.title ?? null,
      category: c.category ?? null,
      caseStatus: c.status,
      assignedAt: a.assignedAt,
      reviewed: a.reviewedAt !== undefined,
      reviewedAt: a.reviewedAt ?? null,
    }];
  });
  return { status: 200, body: { items, nextCursor: page.nextCursor } };
});
