/**
 * GET /openapi.json: the document, naming as its server the URL it was fetched from (host and stage). The document
 * itself is built from the route table ahead of time (openapi.generated.ts, by `npm run client`), so this function
 * loads neither the route table's schemas nor the builder: only the text, and it adds the one member that depends on
 * the request.
 */
import { staticHandler } from '#shared/static-handler';
import { OPENAPI_JSON } from './openapi.generated.ts';

/**
 * `servers` as the document's first member. The generated document is an object without one, so this is the same
 * document with servers (members are unordered): a string splice, far cheaper than parsing and serialising it.
 */
const documentFor = (baseUrl: string): string => `{"servers":${JSON.stringify([{ url: baseUrl }])},${OPENAPI_JSON.slice(1)}`;

export const handler = staticHandler(({ baseUrl }) => ({
  status: 200,
  raw: { contentType: 'application/json; charset=utf-8', text: documentFor(baseUrl) },
}));
