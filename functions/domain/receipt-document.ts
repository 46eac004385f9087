/**
 * What a receipt hashes: the receipt document, the same wherever it is built (the API when it stamps a submission,
 * the web app when it gives the applicant the exact bytes to hash themselves). No Node module here, so the browser
 * can import it. The hash is a SHA-256 (hex) over the UTF-8 bytes of the document's canonical JSON:
 *
 *   { "attachments": [ { "attachmentId", "contentType", "fileName", "sha256", "size" } ...sorted by attachmentId ],
 *     "caseId", "editionId", "fields": { the submitted fields, absent ones left out }, "submittedAt" }
 *
 * The fields are the content (CASE_FIELDS, both languages of the title and summary included), not the case's
 * `locale`: the language its e-mails are written in is no part of what was submitted. Only verified (ready)
 * attachments are included.
 */
import { canonicalJson } from './canonical-json.ts';
import type { CaseFields } from './case-input.ts';
import type { AttachmentStatus, ContentType } from './vocabulary.ts';

/** An attachment as the receipt needs it: the stored record, or the API's view of it. */
export interface ReceiptAttachment {
  attachmentId: string;
  fileName: string;
  contentType: ContentType;
  size: number;
  status: AttachmentStatus;
  sha256?: string | null | undefined;
}

export interface ReceiptInput {
  caseId: string;
  editionId: string;
  fields: CaseFields;
  attachments: readonly ReceiptAttachment[];
  submittedAt: string;
}

export function receiptDocument(r: ReceiptInput) {
  return {
    caseId: r.caseId,
    editionId: r.editionId,
    submittedAt: r.submittedAt,
    fields: r.fields,
    attachments: r.attachments
      .filter((a) => a.status === 'ready')
      .sort((a, b) => (a.attachmentId < b.attachmentId ? -1 : 1))
      .map((a) => ({ attachmentId: a.attachmentId, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256 })),
  };
}

/** The exact text whose SHA-256 is the receipt. */
export const receiptText = (r: ReceiptInput): string => canonicalJson(receiptDocument(r));
