import { getEdition, putExtension as editionsPutExtension } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { putExtension } from '#use-cases/editions/put-extension';

const ports = { editions: { getEdition, putExtension: editionsPutExtension } };

export const handler = httpHandler(routes.putExtension, async ({ params, body, caller, now }) => {
  const extension = await putExtension(ports, { ...params, ...body, caller, now });
  return { status: 200, body: extension };
});
