import { renderDocs } from '#shared/docs-html';
import { httpHandler } from '#shared/handler';
import { buildOpenApi } from '#shared/openapi';
import { ROUTES, routes } from '#shared/routes';

let page: string | undefined;

export const handler = httpHandler(routes.docs, async () => {
  page ??= renderDocs(buildOpenApi(ROUTES));
  return { status: 200, raw: { contentType: 'text/html; charset=utf-8', text: page } };
});
