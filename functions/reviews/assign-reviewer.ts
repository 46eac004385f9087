import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/reviews';
import { reviewerView } from '#shared/views/review';
import { assignReviewer } from '#use-cases/reviews/assign-reviewer';
import { committeePorts } from './committee-ports.ts';

const ports = committeePorts;

export const handler = httpHandler(routes.assignReviewer, async ({ params, caller, now }) => {
  const { reviewer, created } = await assignReviewer(ports, { ...params, caller, now });
  return { status: created ? 201 : 200, body: reviewerView(reviewer) };
});
