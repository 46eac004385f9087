/** GET /openapi.json: the document, naming as its server the URL it was fetched from (host and stage). */
import { httpHandler } from '#shared/handler';
import { buildOpenApi } from '#shared/openapi';
import { ROUTES, routes } from '#shared/routes';

/**
 * One serialised document per base URL. A stage has a few (its execute-api URL, a custom domain); the bound keeps a
 * caller who sends made-up Host headers (locally) from growing it.
 */
const MAX_CACHED = 8;
const documents = new Map<string, string>();

function documentFor(baseUrl: string): string {
  let document = documents.get(baseUrl);
  if (document === undefined) {
    document = JSON.stringify(buildOpenApi(ROUTES, { servers: [{ url: baseUrl }] }));
    if (documents.size >= MAX_CACHED) documents.clear();
    documents.set(baseUrl, document);
  }
  return document;
}

export const handler = httpHandler(routes.openapi, async ({ baseUrl }) => ({
  status: 200,
  raw: { contentType: 'application/json; charset=utf-8', text: documentFor(baseUrl) },
}));
