/**
 * The route table: the one declaration of the HTTP API. API Gateway (lib/constructs/api.ts), the local
 * server (lib/local/server.ts) and the OpenAPI document (shared/openapi.ts) all read it. The routes are declared
 * per area in shared/routes/, and a handler imports its area's module only: a function loads the request schemas
 * of its own area, not those of the whole API, and only on its first request (route-spec.ts, schemas). Here every
 * route has its schemas loaded, as the OpenAPI document and the tests read them.
 */
import { routes as attachments } from './routes/attachments.ts';
import { routes as cases } from './routes/cases.ts';
import { routes as committee } from './routes/committee.ts';
import { routes as docs } from './routes/docs.ts';
import { routes as editions } from './routes/editions.ts';
import { routes as notifications } from './routes/notifications.ts';
import { routes as preferences } from './routes/preferences.ts';
import { routes as reviews } from './routes/reviews.ts';
import { routes as selection } from './routes/selection.ts';
import { routes as vocabulary } from './routes/vocabulary.ts';
import type { RouteSpec, SchemasOf } from './route-spec.ts';

export type { Access, BucketAccess, BucketGrants, DirectoryAccess, Method, RouteSpec } from './route-spec.ts';

const declared = { ...editions, ...cases, ...attachments, ...reviews, ...committee, ...selection, ...notifications, ...preferences, ...vocabulary, ...docs };

type Loaded<R extends RouteSpec> = Omit<R, 'schemas'> & SchemasOf<R>;

export const routes = Object.fromEntries(
  await Promise.all(Object.entries(declared).map(async ([name, { schemas, ...r }]: [string, RouteSpec]) => [name, { ...r, ...(await schemas?.()) }])),
) as { [K in keyof typeof declared]: Loaded<(typeof declared)[K]> };

export const ROUTES: RouteSpec[] = Object.values(routes);
