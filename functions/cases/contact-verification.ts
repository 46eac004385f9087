import * as cases from '#adapters/cases-repo';
import * as contacts from '#adapters/contact-repo';
import * as editions from '#adapters/editions-repo';
import * as mails from '#adapters/mail-repo';
import * as mailer from '#adapters/mailer';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes';
import { sendContactCode } from '#use-cases/cases/contact-verification';

const ports = { cases, contacts, editions, mails, mailer, reviews, clock: () => new Date(), log: logger };

export const handler = httpHandler(routes.sendContactCode, async ({ params, caller, now }) => {
  const { issued, nextCodeAfter } = await sendContactCode(ports, { caseId: params.caseId, caller, now });
  return { status: 202, body: { sentTo: issued.email, expiresAt: issued.codeExpiresAt, nextCodeAfter } };
});
