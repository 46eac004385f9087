/** API Gateway events for handler tests, built by the same code the local server uses. */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { RouteSpec } from '../../functions/shared/routes.ts';
import { compileRoutes, lambdaContext, proxyEvent } from '../../lib/local/events.ts';

export interface Who {
  sub: string;
  email?: string;
  groups?: string[];
  /** The account's `locale` attribute, as the ID token carries it. */
  locale?: string;
}

export function apiEvent(
  route: RouteSpec,
  opts: { path?: string; who?: Who; body?: unknown; rawBody?: string; headers?: Record<string, string>; query?: Record<string, string> } = {},
): APIGatewayProxyEvent {
  const path = opts.path ?? route.path;
  const matched = compileRoutes([route]).match(route.method, path);
  if (!matched || matched === 'method-not-allowed') throw new Error(`${path} does not match ${route.path}`);
  const body = opts.rawBody ?? (opts.body === undefined ? '' : JSON.stringify(opts.body));
  const claims = opts.who
    ? {
        sub: opts.who.sub,
        email: opts.who.email ?? `${opts.who.sub}@example.org`,
        ...(opts.who.groups?.length ? { 'cognito:groups': opts.who.groups.join(',') } : {}),
        ...(opts.who.locale ? { locale: opts.who.locale } : {}),
      }
    : undefined;
  return proxyEvent({
    matched,
    method: route.method,
    path,
    query: new URLSearchParams(opts.query ?? {}),
    headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) },
    body: Buffer.from(body),
    claims,
    sourceIp: '127.0.0.1',
  });
}

export const context = (name = 'test'): Context => lambdaContext(name, 10_000);

type Handler = (e: APIGatewayProxyEvent, c: Context) => Promise<APIGatewayProxyResult>;

/** Invokes a handler and parses its JSON body. */
export async function invoke(handler: Handler, event: APIGatewayProxyEvent) {
  const res = await handler(event, context());
  let json: Record<string, unknown> | null;
  try {
    json = JSON.parse(res.body) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.statusCode, headers: (res.headers ?? {}) as Record<string, string>, json, body: res.body };
}
