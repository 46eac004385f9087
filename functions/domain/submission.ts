/** A submitted case: its content stamped with a receipt (receipt.ts) at the server's time. */
import type { AttachmentRecord } from './attachment.ts';
import { fieldsOf, type CaseRecord } from './case.ts';
import { receiptHash } from './receipt.ts';

export function stamp(c: CaseRecord, attachments: AttachmentRecord[], now: Date): CaseRecord {
  const submittedAt = now.toISOString();
  const sha256 = receiptHash({ caseId: c.caseId, editionId: c.editionId, fields: fieldsOf(c), attachments, submittedAt });
  return { ...c, status: 'submitted', receipt: { submittedAt, sha256 } };
}
