import { AppError, notFound } from '#domain/errors';
import { getEdition, putExtension } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** Gives one applicant a later deadline, with a reason; written to the audit trail in the same transaction. */
export const handler = httpHandler(routes.putExtension, async ({ params, body, caller, now }) => {
  const edition = await getEdition(params.editionId);
  if (!edition) throw notFound('The edition');
  if (edition.releasedAt) throw new AppError('conflict', 'The results are released; extensions no longer apply.');
  const extension = { editionId: params.editionId, sub: params.sub, deadline: body.deadline, reason: body.reason, grantedBy: caller.sub, grantedAt: now.toISOString() };
  if ((await putExtension(extension)) !== 'ok') throw new AppError('conflict', 'The edition was released or removed meanwhile.');
  return { status: 200, body: extension };
});
