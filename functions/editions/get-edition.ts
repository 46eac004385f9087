import { getEdition as editionsGetEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { editionView } from '#shared/views/edition';
import { getEdition } from '#use-cases/editions/get-edition';

const ports = { editions: { getEdition: editionsGetEdition } };

export const handler = httpHandler(routes.getEdition, async ({ params, now }) => {
  const edition = await getEdition(ports, params);
  return { status: 200, body: editionView(edition, now), version: edition.version };
});
