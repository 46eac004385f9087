/** GET /docs: the API reference page (shared/docs-html.ts), with the local sign-in form when the API runs locally. */
import * as z from 'zod/mini';
import { loadEnv } from '#config/env';
import { DOCS_CSP, renderDocsPage } from '#shared/docs-html';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/docs';
import { assetHref } from './assets.ts';

/** Set by the local environment only (lib/local/environment.ts): the path of its token route. Never set on AWS. */
const { LOCAL_TOKEN_ROUTE } = loadEnv({ LOCAL_TOKEN_ROUTE: z.optional(z.string().check(z.regex(/^\/[\w/-]+$/))) });

const page = renderDocsPage({
  title: 'Practice cases API',
  styles: [assetHref('swagger-ui.css'), assetHref('docs.css')],
  scripts: [assetHref('swagger-ui-bundle.js'), assetHref('docs.js')],
  // Relative to the page, as every other URL of it; the local server has no base path.
  ...(LOCAL_TOKEN_ROUTE ? { localTokenHref: LOCAL_TOKEN_ROUTE.slice(1) } : {}),
});

export const handler = httpHandler(routes.docs, async () => ({
  status: 200,
  headers: { 'content-security-policy': DOCS_CSP },
  raw: { contentType: 'text/html; charset=utf-8', text: page },
}));
