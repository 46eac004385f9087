/**
 * Primary course:
 * 1. The caller owns the case (404 / 403); the attachment exists (404); its purpose's window is open (409).
 * 2. Remove the record in one transaction that re-checks the window (and frees its place in the count).
 * 3. Remove the file from both prefixes. A verifier that runs meanwhile finds no record and removes what it
 *    copied, so no file outlives its record.
 */
import { fileWindow } from '#domain/attachment';
import type { Caller } from '#domain/caller';
import { AppError, notFound } from '#domain/errors';
import { objectKeys } from '#adapters/bucket-design';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import { refusal, type RefusalPorts } from '../deadline.ts';
import type { Attachments, Media } from '../ports.ts';

export type DeleteAttachmentPorts = CaseAccessPorts & RefusalPorts & { attachments: Pick<Attachments, 'getAttachment' | 'removeAttachment'>; media: Pick<Media, 'deleteObject'> };

export async function deleteAttachment(ports: DeleteAttachmentPorts, input: { caseId: string; attachmentId: string; caller: Caller; now: Date }): Promise<void> {
  const { now } = input;
  const { record, edition, extension } = await caseFor(ports, input.caseId, input.caller, 'own');
  const attachment = await ports.attachments.getAttachment(input.caseId, input.attachmentId);
  if (!attachment) throw notFound('attachment');
  const { viaExtension } = fileWindow(attachment.purpose, record, edition, now, extension?.deadline);

  const outcome = await ports.attachments.removeAttachment(attachment, now.toISOString(), viaExtension ? record.ownerId : undefined);
  if (outcome === 'changed') throw new AppError('conflict', 'detail.attachment-changed');
  if (outcome === 'window-closed') {
    throw attachment.purpose === 'supporting' ? await refusal(ports, edition, now, record.caseId) : new AppError('deadline-passed', 'detail.materials-locked');
  }
  await Promise.all([ports.media.deleteObject(objectKeys.quarantine(attachment)), ports.media.deleteObject(objectKeys.verified(attachment))]);
}
