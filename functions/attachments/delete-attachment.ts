import { fileWindow } from '#domain/attachment';
import { AppError, notFound } from '#domain/errors';
import { getAttachment, removeAttachment } from '#adapters/attachments-repo';
import { objectKeys } from '#adapters/bucket-design';
import { deleteObject } from '#adapters/media-store';
import { caseFor } from '#shared/case-access';
import { refusal } from '#shared/deadline';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Primary course:
 * 1. The caller owns the case (404 / 403); the attachment exists (404); its purpose's window is open (409).
 * 2. Remove the record in one transaction that re-checks the window (and frees its place in the count).
 * 3. Remove the file from both prefixes. A verifier that runs meanwhile finds no record and removes what it
 *    copied, so no file outlives its record.
 */
export const handler = httpHandler(routes.deleteAttachment, async ({ params, caller, now }) => {
  const { record, edition, extension } = await caseFor(params.caseId, caller, 'own');
  const attachment = await getAttachment(params.caseId, params.attachmentId);
  if (!attachment) throw notFound('The attachment');
  const { viaExtension } = fileWindow(attachment.purpose, record, edition, now, extension?.deadline);

  const outcome = await removeAttachment(attachment, now.toISOString(), viaExtension ? record.ownerId : undefined);
  if (outcome === 'changed') throw new AppError('conflict', 'The attachment changed meanwhile (its verification finished); try again.');
  if (outcome === 'window-closed') {
    throw attachment.purpose === 'supporting' ? await refusal(edition, now, record.caseId) : new AppError('deadline-passed', 'Presentation materials can no longer be changed.');
  }
  await Promise.all([deleteObject(objectKeys.quarantine(attachment)), deleteObject(objectKeys.verified(attachment))]);
  return { status: 204 };
});
