import * as attachments from '#adapters/attachments-repo';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as media from '#adapters/media-store';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { attachmentView } from '#shared/views/attachment';
import { getAttachment } from '#use-cases/attachments/get-attachment';

const ports = { attachments, cases, editions, media, reviews };

export const handler = httpHandler(routes.getAttachment, async ({ params, caller }) => {
  const { attachment, downloadUrl } = await getAttachment(ports, { caseId: params.caseId, attachmentId: params.attachmentId, caller });
  return { status: 200, body: attachmentView(attachment, downloadUrl) };
});
