/**
 * Primary course:
 * 1. The caller owns the case (404 / 403) and may add files of this purpose now (409).
 * 2. Record a pending attachment in one transaction that re-checks the window and counts it against the
 *    purpose's limit of 10 (409 on the eleventh).
 * 3. Sign a POST whose policy pins key, type and exact size; it expires in 15 minutes or at the end of the
 *    window, whichever is first. Nothing is signed for a request that was refused.
 */
import { fileWindow, newAttachment, uploadDeadline, type AttachmentRecord } from '#domain/attachment';
import type { AttachmentInput } from '#domain/attachment-input';
import type { Caller } from '#domain/caller';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { MAX_ATTACHMENTS_PER_PURPOSE } from '#domain/uploads';
import { objectKeys } from '#adapters/bucket-design';
import type { UploadForm } from '#adapters/media-store';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import { refusal, type RefusalPorts } from '../deadline.ts';
import type { Attachments, Media } from '../ports.ts';

export type CreateAttachmentPorts = CaseAccessPorts & RefusalPorts & { attachments: Pick<Attachments, 'addAttachment'>; media: Pick<Media, 'presignUpload'> };

export async function createAttachment(
  ports: CreateAttachmentPorts,
  input: { caseId: string; caller: Caller; file: AttachmentInput; now: Date },
): Promise<{ attachment: AttachmentRecord; upload: UploadForm }> {
  const { file, now } = input;
  const { record, edition, extension } = await caseFor(ports, input.caseId, input.caller, 'own');
  const { until, viaExtension } = fileWindow(file.purpose, record, edition, now, extension?.deadline);
  const expiresAt = uploadDeadline(now, until);
  const attachment = newAttachment(ulid(now.getTime()), record, file, expiresAt, now);

  const outcome = await ports.attachments.addAttachment(attachment, now.toISOString(), viaExtension ? record.ownerId : undefined);
  if (outcome === 'limit-reached') {
    throw new AppError('conflict', { key: 'detail.attachments-per-purpose', params: { max: MAX_ATTACHMENTS_PER_PURPOSE, purpose: file.purpose } });
  }
  if (outcome === 'window-closed') {
    throw file.purpose === 'supporting' ? await refusal(ports, edition, now, record.caseId) : new AppError('deadline-passed', 'detail.materials-closed');
  }

  const upload = await ports.media.presignUpload(objectKeys.quarantine(attachment), attachment.contentType, attachment.size, expiresAt, now);
  return { attachment, upload };
}
