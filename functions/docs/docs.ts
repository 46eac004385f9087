/** GET /docs: the API reference page (shared/docs-html.ts), with the local sign-in form when the API runs locally. */
import { DOCS_CSP, renderDocsPage } from '#shared/docs-html';
import { staticHandler } from '#shared/static-handler';
import { assetHref } from './assets.ts';

/**
 * Set by the local environment only (lib/local/environment.ts): the path of its token route. Never set on AWS. Read
 * without loadEnv (zod) to keep this function light (shared/static-handler.ts); a bad value still stops it at start.
 */
const LOCAL_TOKEN_ROUTE = process.env.LOCAL_TOKEN_ROUTE;
if (LOCAL_TOKEN_ROUTE !== undefined && !/^\/[\w/-]+$/.test(LOCAL_TOKEN_ROUTE)) throw new Error('Missing or invalid environment: LOCAL_TOKEN_ROUTE');

const page = renderDocsPage({
  title: 'Practice cases API',
  styles: [assetHref('swagger-ui.css'), assetHref('docs.css')],
  scripts: [assetHref('swagger-ui-bundle.js'), assetHref('docs.js')],
  // Relative to the page, as every other URL of it; the local server has no base path.
  ...(LOCAL_TOKEN_ROUTE ? { localTokenHref: LOCAL_TOKEN_ROUTE.slice(1) } : {}),
});

export const handler = staticHandler(() => ({
  status: 200,
  headers: { 'content-security-policy': DOCS_CSP },
  raw: { contentType: 'text/html; charset=utf-8', text: page },
}));
