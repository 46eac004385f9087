import { fileWindow, newAttachment, uploadDeadline } from '#domain/attachment';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { MAX_ATTACHMENTS_PER_PURPOSE } from '#domain/uploads';
import { attachmentView } from '#shared/views/attachment';
import { addAttachment } from '#adapters/attachments-repo';
import { objectKeys } from '#adapters/bucket-design';
import { presignUpload } from '#adapters/media-store';
import { caseFor } from '#shared/case-access';
import { refusal } from '#shared/deadline';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Primary course:
 * 1. The caller owns the case (404 / 403) and may add files of this purpose now (409).
 * 2. Record a pending attachment in one transaction that re-checks the window and counts it against the
 *    purpose's limit of 10 (409 on the eleventh).
 * 3. Sign a POST whose policy pins key, type and exact size; it expires in 15 minutes or at the end of the
 *    window, whichever is first. Nothing is signed for a request that was refused.
 */
export const handler = httpHandler(routes.createAttachment, async ({ params, body, caller, now }) => {
  const { record, edition, extension } = await caseFor(params.caseId, caller, 'own');
  const { until, viaExtension } = fileWindow(body.purpose, record, edition, now, extension?.deadline);
  const expiresAt = uploadDeadline(now, until);
  const attachment = newAttachment(ulid(now.getTime()), record, body, expiresAt, now);

  const outcome = await addAttachment(attachment, now.toISOString(), viaExtension ? record.ownerId : undefined);
  if (outcome === 'limit-reached') {
    throw new AppError('conflict', `A case can have at most ${MAX_ATTACHMENTS_PER_PURPOSE} ${body.purpose} files. Delete one to add another.`);
  }
  if (outcome === 'window-closed') {
    throw body.purpose === 'supporting' ? await refusal(edition, now, record.caseId) : new AppError('deadline-passed', 'Presentation materials can no longer be added.');
  }

  const upload = await presignUpload(objectKeys.quarantine(attachment), attachment.contentType, attachment.size, expiresAt, now);
  return { status: 201, body: { attachment: attachmentView(attachment), upload }, headers: { location: `/cases/${record.caseId}/attachments/${attachment.attachmentId}` } };
});
