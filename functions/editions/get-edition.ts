import { editionView } from '#shared/views/edition';
import { notFound } from '#domain/errors';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.getEdition, async ({ params, now }) => {
  const edition = await getEdition(params.editionId);
  if (!edition) throw notFound('The edition');
  return { status: 200, body: editionView(edition, now), version: edition.version };
});
