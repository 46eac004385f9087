import { getCase } from '#adapters/cases-repo';
import { getContactCode, issueContactCode } from '#adapters/contact-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes/cases';
import { sendContactCode } from '#use-cases/cases/contact-verification';

const ports = {
  cases: { getCase },
  contacts: { getContactCode, issueContactCode },
  editions: { getEditionFor },
  reviews: { getReviewer },
  log: logger,
};

export const handler = httpHandler(routes.sendContactCode, async ({ params, caller, now }) => {
  const { issued, nextCodeAfter } = await sendContactCode(ports, { caseId: params.caseId, caller, now });
  return { status: 202, body: { sentTo: issued.email, expiresAt: issued.codeExpiresAt, nextCodeAfter } };
});
