/** Docs: the API describing itself. Part of the route table (shared/routes.ts). */
import { route, type RouteSpec } from '../route-spec.ts';

export const routes = {
  openapi: route({
    operationId: 'getOpenApi', method: 'GET', path: '/openapi.json', entry: 'docs/openapi.ts', access: 'public',
    tag: 'Docs', summary: 'This OpenAPI document',
    responses: { 200: { description: 'OpenAPI 3.1', contentType: 'application/json' } },
    problems: [],
  }),
  docs: route({
    operationId: 'getDocs', method: 'GET', path: '/docs', entry: 'docs/docs.ts', access: 'public',
    tag: 'Docs', summary: 'The API reference, rendered',
    responses: { 200: { description: 'HTML', contentType: 'text/html' } },
    problems: [],
  }),
} satisfies Record<string, RouteSpec>;
