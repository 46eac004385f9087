import { getAttachment as attachmentsGetAttachment } from '#adapters/attachments-repo';
import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { presignDownload } from '#adapters/media-store';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/attachments';
import { attachmentView } from '#shared/views/attachment';
import { getAttachment } from '#use-cases/attachments/get-attachment';

const ports = {
  attachments: { getAttachment: attachmentsGetAttachment },
  cases: { getCase },
  editions: { getEditionFor },
  media: { presignDownload },
  reviews: { getReviewer },
};

export const handler = httpHandler(routes.getAttachment, async ({ params, caller, locale }) => {
  const { attachment, downloadUrl } = await getAttachment(ports, { caseId: params.caseId, attachmentId: params.attachmentId, caller });
  return { status: 200, body: attachmentView(attachment, locale, downloadUrl) };
});
