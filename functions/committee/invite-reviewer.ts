import { inviteReviewer as invite } from '#adapters/directory';
import { allEditions } from '#adapters/editions-repo';
import { listAssignmentsOf } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes/committee';
import { inviteReviewer } from '#use-cases/committee/invite-reviewer';
import { memberView } from './member-view.ts';

const ports = { directory: { inviteReviewer: invite }, editions: { allEditions }, reviews: { listAssignmentsOf }, log: logger };

export const handler = httpHandler(routes.inviteReviewer, async ({ body, caller, now }) => {
  const { reviewer, created } = await inviteReviewer(ports, { invitation: body, caller, now });
  return { status: created ? 201 : 200, body: memberView(reviewer) };
});
