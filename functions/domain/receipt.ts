/**
 * Receipts: proof of what was submitted and when. The hash is a SHA-256 (hex) over the UTF-8 bytes of the
 * canonical JSON of the receipt document:
 *
 *   { "attachments": [ { "attachmentId", "contentType", "fileName", "sha256", "size" } ...sorted by attachmentId ],
 *     "caseId", "editionId", "fields": { the submitted fields, absent ones left out }, "submittedAt" }
 *
 * The fields are the content (CASE_FIELDS, both languages of the title and summary included), not the case's
 * `locale`: the language its e-mails are written in is no part of what was submitted.
 *
 * Canonical JSON as canonical-json.ts writes it. Only verified (ready) attachments are included. An applicant can
 * recompute the hash from GET /cases/{id} and its attachments.
 */
import { createHash } from 'node:crypto';
import type { AttachmentRecord } from './attachment.ts';
import { canonicalJson } from './canonical-json.ts';
import type { CaseFields } from './case-input.ts';

export interface ReceiptInput {
  caseId: string;
  editionId: string;
  fields: CaseFields;
  attachments: AttachmentRecord[];
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

export function receiptHash(r: ReceiptInput): string {
  return createHash('sha256').update(canonicalJson(receiptDocument(r)), 'utf8').digest('hex');
}
