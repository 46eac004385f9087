/**
 * Primary course:
 * 1. The caller may see the case (404); the attachment exists (404).
 * 2. A download URL only once the file is verified.
 */
import { contentDisposition, type AttachmentRecord } from '#domain/attachment';
import type { Caller } from '#domain/caller';
import { notFound } from '#domain/errors';
import { objectKeys } from '#adapters/bucket-design';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Attachments, Media } from '../ports.ts';

export type GetAttachmentPorts = CaseAccessPorts & { attachments: Pick<Attachments, 'getAttachment'>; media: Pick<Media, 'presignDownload'> };

export async function getAttachment(
  ports: GetAttachmentPorts,
  input: { caseId: string; attachmentId: string; caller: Caller },
): Promise<{ attachment: AttachmentRecord; downloadUrl?: string | undefined }> {
  await caseFor(ports, input.caseId, input.caller, 'view');
  const attachment = await ports.attachments.getAttachment(input.caseId, input.attachmentId);
  if (!attachment) throw notFound('attachment');
  const downloadUrl =
    attachment.status === 'ready'
      ? await ports.media.presignDownload(objectKeys.verified(attachment), attachment.contentType, contentDisposition(attachment.fileName))
      : undefined;
  return { attachment, downloadUrl };
}
