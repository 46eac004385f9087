import { getEdition, releaseEdition as editionsReleaseEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { editionView } from '#shared/views/edition';
import { releaseEdition } from '#use-cases/editions/release-edition';

const ports = { editions: { getEdition, releaseEdition: editionsReleaseEdition } };

export const handler = httpHandler(routes.releaseEdition, async ({ params, caller, now }) => {
  const released = await releaseEdition(ports, { editionId: params.editionId, caller, now });
  return { status: 200, body: editionView(released, now), version: released.version };
});
