import { getCases } from '#adapters/cases-repo';
import { listAssignmentsOf } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { listMyAssignments } from '#use-cases/reviews/list-my-assignments';

const ports = { cases: { getCases }, reviews: { listAssignmentsOf } };

/** Each assignment with the case's title and status. */
export const handler = httpHandler(routes.listMyAssignments, async ({ query, caller }) => {
  const page = await listMyAssignments(ports, { caller, ...query });
  const items = page.items.map(({ assignment: a, case: c }) => ({
    caseId: a.caseId,
    editionId: a.editionId,
    title: c.title ?? null,
    titleZh: c.titleZh ?? null,
    category: c.category ?? null,
    caseStatus: c.status,
    assignedAt: a.assignedAt,
    reviewed: a.reviewedAt !== undefined,
    reviewedAt: a.reviewedAt ?? null,
  }));
  return { status: 200, body: { items, nextCursor: page.nextCursor } };
});
