import type { AttachmentRecord } from '#domain/attachment';
import { render, type Locale } from '#domain/i18n/catalogues';
import { rejectionCodeOf } from '#domain/uploads';
import type { ResponseBody } from '../responses.ts';

/** An attachment, a rejection's reason worded in `locale`; `downloadUrl` only on the single read of a verified file. */
export function attachmentView(a: AttachmentRecord, locale: Locale, downloadUrl?: string): ResponseBody<'Attachment'> {
  return {
    attachmentId: a.attachmentId,
    caseId: a.caseId,
    purpose: a.purpose,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    status: a.status,
    rejectionCode: a.rejection ? rejectionCodeOf(a.rejection) : null,
    rejectionReason: a.rejection ? render(locale, a.rejection) : (a.rejectionReason ?? null),
    sha256: a.sha256 ?? null,
    createdAt: a.createdAt,
    ...(downloadUrl ? { downloadUrl } : {}),
  };
}
