import { getAttachment, removeAttachment } from '#adapters/attachments-repo';
import { getCase } from '#adapters/cases-repo';
import { getEdition, getEditionFor } from '#adapters/editions-repo';
import { deleteObject } from '#adapters/media-store';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/attachments';
import { deleteAttachment } from '#use-cases/attachments/delete-attachment';

const ports = {
  attachments: { getAttachment, removeAttachment },
  cases: { getCase },
  editions: { getEdition, getEditionFor },
  media: { deleteObject },
  reviews: { getReviewer },
};

export const handler = httpHandler(routes.deleteAttachment, async ({ params, caller, now }) => {
  await deleteAttachment(ports, { caseId: params.caseId, attachmentId: params.attachmentId, caller, now });
  return { status: 204 };
});
