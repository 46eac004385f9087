import { addAttachment } from '#adapters/attachments-repo';
import { getCase } from '#adapters/cases-repo';
import { getEdition, getEditionFor } from '#adapters/editions-repo';
import { presignUpload } from '#adapters/media-store';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/attachments';
import { attachmentView } from '#shared/views/attachment';
import { createAttachment } from '#use-cases/attachments/create-attachment';

const ports = {
  attachments: { addAttachment },
  cases: { getCase },
  editions: { getEdition, getEditionFor },
  media: { presignUpload },
  reviews: { getReviewer },
};

export const handler = httpHandler(routes.createAttachment, async ({ params, body, caller, locale, now }) => {
  const { attachment, upload } = await createAttachment(ports, { caseId: params.caseId, caller, file: body, now });
  return { status: 201, body: { attachment: attachmentView(attachment, locale), upload }, headers: { location: `/cases/${attachment.caseId}/attachments/${attachment.attachmentId}` } };
});
