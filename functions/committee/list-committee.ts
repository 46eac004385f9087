import { listReviewers as listGroup } from '#adapters/directory';
import { allEditions } from '#adapters/editions-repo';
import { listAssignmentsOf } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/committee';
import { listReviewers } from '#use-cases/committee/list-reviewers';
import { memberView } from './member-view.ts';

const ports = { directory: { listReviewers: listGroup }, editions: { allEditions }, reviews: { listAssignmentsOf } };

export const handler = httpHandler(routes.listCommittee, async ({ query, now }) => {
  const page = await listReviewers(ports, { ...query, now });
  return { status: 200, body: { items: page.items.map(memberView), nextCursor: page.nextCursor } };
});
