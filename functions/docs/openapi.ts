import { httpHandler } from '#shared/handler';
import { buildOpenApi } from '#shared/openapi';
import { ROUTES, routes } from '#shared/routes';

let document: string | undefined;

export const handler = httpHandler(routes.openapi, async () => {
  document ??= JSON.stringify(buildOpenApi(ROUTES));
  return { status: 200, raw: { contentType: 'application/json; charset=utf-8', text: document } };
});
