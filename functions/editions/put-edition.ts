import { createEdition, getEdition, replaceEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { editionView } from '#shared/views/edition';
import { putEdition } from '#use-cases/editions/put-edition';

const ports = { editions: { createEdition, getEdition, replaceEdition } };

export const handler = httpHandler(routes.putEdition, async ({ params, body, caller, ifMatch, now }) => {
  const { edition, created } = await putEdition(ports, { editionId: params.editionId, settings: body, caller, ifMatch, now });
  return { status: created ? 201 : 200, body: editionView(edition, now), version: edition.version };
});
