import type { AttachmentRecord } from '#domain/attachment';
import type { ResponseBody } from '../responses.ts';

/** An attachment; `downloadUrl` only on the single read of a verified file. */
export function attachmentView(a: AttachmentRecord, downloadUrl?: string): ResponseBody<'Attachment'> {
  return {
    attachmentId: a.attachmentId,
    caseId: a.caseId,
    purpose: a.purpose,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    status: a.status,
    rejectionReason: a.rejectionReason ?? null,
    sha256: a.sha256 ?? null,
    createdAt: a.createdAt,
    ...(downloadUrl ? { downloadUrl } : {}),
  };
}
