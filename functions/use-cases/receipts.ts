/** Every attachment of a case, page by page, for the receipt that stamps the submitted content (domain/submission.ts). */
import type { AttachmentRecord } from '#domain/attachment';
import type { Attachments } from './ports.ts';

export async function attachmentsOf(ports: { attachments: Pick<Attachments, 'listAttachments'> }, caseId: string): Promise<AttachmentRecord[]> {
  const all: AttachmentRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ports.attachments.listAttachments(caseId, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
