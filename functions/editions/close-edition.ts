import { editionView } from '#shared/views/edition';
import { AppError, notFound } from '#domain/errors';
import { closeEdition, getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** Closes the edition now, recording which organiser did. Idempotent: a closed edition is answered as it is. */
export const handler = httpHandler(routes.closeEdition, async ({ params, caller, now }) => {
  const current = await getEdition(params.editionId);
  if (!current) throw notFound('The edition');
  if (current.releasedAt) throw new AppError('conflict', 'The results are released; the edition is closed for good.');
  await closeEdition(params.editionId, now.toISOString(), caller.sub, 'closed by an organiser');
  const closed = (await getEdition(params.editionId))!;
  return { status: 200, body: editionView(closed, now), version: closed.version };
});
