import { closeEdition as editionsCloseEdition, getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { editionView } from '#shared/views/edition';
import { closeEdition } from '#use-cases/editions/close-edition';

const ports = { editions: { closeEdition: editionsCloseEdition, getEdition } };

export const handler = httpHandler(routes.closeEdition, async ({ params, caller, now }) => {
  const closed = await closeEdition(ports, { editionId: params.editionId, caller, now });
  return { status: 200, body: editionView(closed, now), version: closed.version };
});
