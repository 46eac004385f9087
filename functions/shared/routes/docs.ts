/** Docs: the API describing itself. Part of the route table (shared/routes.ts). */
import * as z from 'zod/mini';
import { DOCS_ASSET_VERSION_MAX } from '#domain/limits';
import { route, type RouteSpec } from '../route-spec.ts';

/*
 * These routes' functions load none of this module (functions/shared/static-handler.ts): the schemas below are what the
 * OpenAPI document declares, and functions/docs/asset.ts checks the same without zod (test/unit/handlers/docs.test.ts
 * holds the two together).
 */
/** Any name is well-formed: one that is not on the allow-list (functions/docs/assets.ts) is a 404, not a 400. */
const DocsAssetParams = z.strictObject({ file: z.string() });
/** v: the version the page asked for; when it is the served one the file may be cached for good. */
const DocsAssetQuery = z.strictObject({ v: z.optional(z.string().check(z.maxLength(DOCS_ASSET_VERSION_MAX))) });

export const routes = {
  openapi: route({
    operationId: 'getOpenApi', method: 'GET', path: '/openapi.json', entry: 'docs/openapi.ts', access: 'public',
    tag: 'Docs', summary: 'This OpenAPI document',
    description: 'Its `servers` entry is the URL it was fetched from (host and stage), so a client tries requests against the same API.',
    responses: { 200: { description: 'OpenAPI 3.1', contentType: 'application/json' } },
    problems: [],
  }),
  docs: route({
    operationId: 'getDocs', method: 'GET', path: '/docs', entry: 'docs/docs.ts', access: 'public',
    tag: 'Docs', summary: 'The API reference, rendered',
    description:
      'Swagger UI (from the swagger-ui-dist package, served by this API: no request leaves it) on this document, with "Try it out" and an Authorize ' +
      'dialog for a bearer token. Run locally (npm start), it also shows a sign-in form that gets a local token.',
    responses: { 200: { description: 'HTML', contentType: 'text/html' } },
    problems: [],
  }),
  docsAsset: route({
    operationId: 'getDocsAsset', method: 'GET', path: '/docs/assets/{file}', entry: 'docs/asset.ts', access: 'public',
    tag: 'Docs', summary: 'A script or style sheet of the API reference page',
    description:
      'Only the files the page loads; any other name is 404. With the ETag in If-None-Match: 304. ' +
      'Cached for a year (immutable) when `v` is the version of the file served, else for five minutes.',
    params: DocsAssetParams, query: DocsAssetQuery,
    responses: {
      200: { description: 'The file (text/javascript or text/css)', contentType: 'text/*' },
      304: { description: 'Not modified: the If-None-Match ETag is the current one' },
    },
    problems: ['not-found'],
  }),
} satisfies Record<string, RouteSpec>;
