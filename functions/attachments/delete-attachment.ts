import * as attachments from '#adapters/attachments-repo';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as media from '#adapters/media-store';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { deleteAttachment } from '#use-cases/attachments/delete-attachment';

const ports = { attachments, cases, editions, media, reviews };

export const handler = httpHandler(routes.deleteAttachment, async ({ params, caller, now }) => {
  await deleteAttachment(ports, { caseId: params.caseId, attachmentId: params.attachmentId, caller, now });
  return { status: 204 };
});
