import * as cases from '#adapters/cases-repo';
import * as contacts from '#adapters/contact-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { caseView } from '#shared/views/case';
import { confirmContact } from '#use-cases/cases/contact-confirm';

const ports = { cases, contacts, editions, reviews };

export const handler = httpHandler(routes.confirmContact, async ({ params, body, caller, now }) => {
  const { record, edition } = await confirmContact(ports, { caseId: params.caseId, caller, code: body.code, now });
  return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
});
