import { contentDisposition } from '#domain/attachment';
import { attachmentView } from '#shared/views/attachment';
import { notFound } from '#domain/errors';
import { getAttachment } from '#adapters/attachments-repo';
import { objectKeys } from '#adapters/bucket-design';
import { presignDownload } from '#adapters/media-store';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** One attachment; a download URL only once the file is verified, and only to those who may see the case. */
export const handler = httpHandler(routes.getAttachment, async ({ params, caller }) => {
  await caseFor(params.caseId, caller, 'view');
  const attachment = await getAttachment(params.caseId, params.attachmentId);
  if (!attachment) throw notFound('The attachment');
  const downloadUrl =
    attachment.status === 'ready'
      ? await presignDownload(objectKeys.verified(attachment), attachment.contentType, contentDisposition(attachment.fileName))
      : undefined;
  return { status: 200, body: attachmentView(attachment, downloadUrl) };
});
