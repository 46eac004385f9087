/**
 * The route table: the one declaration of the HTTP API. API Gateway (lib/constructs/api.ts), the local
 * server (lib/local/server.ts) and the OpenAPI document (shared/openapi.ts) all read it. The routes are declared
 * per area in shared/routes/, and a handler imports its area's module only: a function loads the request schemas
 * of its own area, not those of the whole API.
 */
import { routes as attachments } from './routes/attachments.ts';
import { routes as cases } from './routes/cases.ts';
import { routes as docs } from './routes/docs.ts';
import { routes as editions } from './routes/editions.ts';
import { routes as notifications } from './routes/notifications.ts';
import { routes as reviews } from './routes/reviews.ts';
import { routes as selection } from './routes/selection.ts';
import type { RouteSpec } from './route-spec.ts';

export type { Access, BucketAccess, BucketGrants, Method, RouteSpec } from './route-spec.ts';

export const routes = { ...editions, ...cases, ...attachments, ...reviews, ...selection, ...notifications, ...docs };

export const ROUTES: RouteSpec[] = Object.values(routes);
