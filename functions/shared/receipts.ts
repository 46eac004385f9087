/** Stamps a case's submitted content with a receipt (domain/receipt.ts), reading its verified attachments. */
import type { CaseRecord } from '#domain/case';
import { fieldsOf } from '#domain/case';
import type { AttachmentRecord } from '#domain/attachment';
import { receiptHash } from '#domain/receipt';
import { listAttachments } from '#adapters/attachments-repo';

export async function attachmentsOf(caseId: string): Promise<AttachmentRecord[]> {
  const all: AttachmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAttachments(caseId, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function stamp(c: CaseRecord, attachments: AttachmentRecord[], now: Date): CaseRecord {
  const submittedAt = now.toISOString();
  const sha256 = receiptHash({ caseId: c.caseId, editionId: c.editionId, fields: fieldsOf(c), attachments, submittedAt });
  return { ...c, status: 'submitted', receipt: { submittedAt, sha256 } };
}
