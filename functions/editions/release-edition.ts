import { editionView } from '#shared/views/edition';
import { AppError, notFound } from '#domain/errors';
import { getEdition, releaseEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Publishes the results: every decision becomes visible to its owner and GET /editions/{id}/results answers.
 * Closed editions only (409); releasing again changes nothing.
 */
export const handler = httpHandler(routes.releaseEdition, async ({ params, caller, now }) => {
  const current = await getEdition(params.editionId);
  if (!current) throw notFound('The edition');
  if (!current.releasedAt) {
    const outcome = await releaseEdition(params.editionId, now.toISOString(), caller.sub);
    const after = await getEdition(params.editionId);
    if (outcome === 'refused' && !after?.releasedAt) throw new AppError('conflict', 'Only a closed edition can be released.');
  }
  const released = (await getEdition(params.editionId))!;
  return { status: 200, body: editionView(released, now), version: released.version };
});
