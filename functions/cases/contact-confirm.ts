import { getCase } from '#adapters/cases-repo';
import { confirmContact as contactsConfirmContact, getContactCode, recordWrongCode } from '#adapters/contact-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { confirmContact } from '#use-cases/cases/contact-confirm';

const ports = {
  cases: { getCase },
  contacts: { confirmContact: contactsConfirmContact, getContactCode, recordWrongCode },
  editions: { getEditionFor },
  reviews: { getReviewer },
};

export const handler = httpHandler(routes.confirmContact, async ({ params, body, caller, locale, now }) => {
  const { record, edition, extension } = await confirmContact(ports, { caseId: params.caseId, caller, code: body.code, now });
  return { status: 200, body: caseView(record, edition, 'owner', now, locale, extension), version: record.version };
});
