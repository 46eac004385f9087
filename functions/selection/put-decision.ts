import { getCase, recordDecision } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/selection';
import { caseView } from '#shared/views/case';
import { putDecision } from '#use-cases/selection/put-decision';

const ports = { cases: { getCase, recordDecision }, editions: { getEditionFor }, reviews: { getReviewer } };

export const handler = httpHandler(routes.putDecision, async ({ params, body, caller, locale, now }) => {
  const { decided, edition } = await putDecision(ports, { caseId: params.caseId, ...body, caller, now });
  return { status: 200, body: caseView(decided, edition, 'organiser', now, locale), version: decided.version };
});
