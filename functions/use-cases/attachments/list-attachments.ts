/**
 * Primary course:
 * 1. The caller may see the case (404).
 * 2. One page of its attachments.
 */
import type { AttachmentRecord } from '#domain/attachment';
import type { Caller } from '#domain/caller';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Attachments } from '../ports.ts';

export type ListAttachmentsPorts = CaseAccessPorts & { attachments: Pick<Attachments, 'listAttachments'> };

export async function listAttachments(
  ports: ListAttachmentsPorts,
  input: { caseId: string; caller: Caller; limit: number; cursor?: string | undefined },
): Promise<{ items: AttachmentRecord[]; nextCursor: string | null }> {
  await caseFor(ports, input.caseId, input.caller, 'view');
  return ports.attachments.listAttachments(input.caseId, input.limit, input.cursor);
}
