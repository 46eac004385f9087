import * as attachments from '#adapters/attachments-repo';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as media from '#adapters/media-store';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { attachmentView } from '#shared/views/attachment';
import { createAttachment } from '#use-cases/attachments/create-attachment';

const ports = { attachments, cases, editions, media, reviews };

export const handler = httpHandler(routes.createAttachment, async ({ params, body, caller, now }) => {
  const { attachment, upload } = await createAttachment(ports, { caseId: params.caseId, caller, file: body, now });
  return { status: 201, body: { attachment: attachmentView(attachment), upload }, headers: { location: `/cases/${attachment.caseId}/attachments/${attachment.attachmentId}` } };
});
