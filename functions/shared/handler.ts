/**
 * The one middleware stack every HTTP function runs: logging context, body parsing and size limit,
 * strict validation of path, query and body against the route's schemas, the caller and the route's role
 * rule, and a single onError that turns every failure into problem details. Handlers are left with the
 * use case.
 */
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { AppError } from '#domain/errors';
import { BODY_MAX_BYTES } from '#domain/limits';
import type { Caller } from '#domain/caller';
import { callerFrom } from './auth.ts';
import { CORS_EXPOSE_HEADERS, etag, jsonResponse, parseIfMatch, problemResponse, validate } from './http.ts';
import type { RouteSpec } from './routes.ts';
import { logger } from './logger.ts';

/**
 * With a Lambda proxy integration API Gateway adds no CORS headers to the function's answers: the handler
 * must, for the origins the stage allows ('*' allows any; the local environment sets that).
 */
const ALLOWED_ORIGINS = new Set((process.env.CORS_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean));

/**
 * On every answer, success or problem: HTTPS only for two years, no MIME sniffing, no framing, no referrer,
 * and (for JSON) a content security policy that allows nothing. Private data is never cached (cache-control
 * no-store is set on every JSON and problem answer in http.ts).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};
const LOCKED_DOWN_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The header a client (or the API's caller) may set to follow one request across services; else API Gateway's request id. */
export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdOf(event: APIGatewayProxyEvent): string {
  const given = event.headers?.[CORRELATION_HEADER] ?? event.headers?.['X-Correlation-Id'];
  if (given && CORRELATION_ID.test(given)) return given;
  return event.requestContext?.requestId ?? 'none';
}

/** The headers every answer of every route carries besides its own. */
function commonHeaders(event: APIGatewayProxyEvent, response: APIGatewayProxyResult): Record<string, string> {
  const type = String(response.headers?.['content-type'] ?? '');
  return {
    ...SECURITY_HEADERS,
    ...(type.startsWith('text/html') ? {} : { 'content-security-policy': LOCKED_DOWN_CSP }),
    [CORRELATION_HEADER]: correlationIdOf(event),
    ...corsHeaders(originOf(event)),
  };
}

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !(ALLOWED_ORIGINS.has(origin) || ALLOWED_ORIGINS.has('*'))) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(', '), vary: 'Origin' };
}

/** Bodies above this are refused with 413 before they are parsed (domain/limits.ts). */
export const MAX_BODY_BYTES = BODY_MAX_BYTES;

type Infer<T> = T extends z.ZodMiniType ? z.output<T> : undefined;

export interface Request<R extends RouteSpec> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  caller: R['access'] extends 'public' ? Caller | undefined : Caller;
  ifMatch: number | '*' | undefined;
  headers: Record<string, string>;
  /** The server's clock, read once per request. */
  now: Date;
  /** Follows this request into what it starts (the notification workflow) and into every log line. */
  correlationId: string;
  /** The API's URL as the caller reached it (publicBaseUrl), for documents that name the API. */
  baseUrl: string;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** The resource version, sent as the ETag. */
  version?: number;
  headers?: Record<string, string>;
  /** For non-JSON bodies (HTML, the OpenAPI document pre-serialised). */
  raw?: { contentType: string; text: string };
}

const THROTTLED = new Set(['ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TooManyRequestsException']);

function lowerCaseHeaders(h: APIGatewayProxyEvent['headers'] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

const originOf = (event: APIGatewayProxyEvent): string | undefined => event.headers?.origin ?? event.headers?.Origin;

/**
 * The path the API is served under, as the caller addressed it: '/dev' on an execute-api URL (the stage), a custom
 * domain's base path mapping, '' at a domain's root and locally. API Gateway gives the full path in requestContext.path
 * and the route's own in path; what the first has in front of the second is the prefix.
 */
export function basePathOf(event: APIGatewayProxyEvent): string {
  const full = event.requestContext?.path;
  const own = event.path;
  return full && own && full !== own && full.endsWith(own) ? full.slice(0, full.length - own.length) : '';
}

/** The API's own URL as the caller reached it (scheme, host and base path), for links in documents it serves. */
export function publicBaseUrl(event: APIGatewayProxyEvent): string {
  const headers = lowerCaseHeaders(event.headers);
  const host = event.requestContext?.domainName ?? headers.host ?? 'localhost';
  const scheme = headers['x-forwarded-proto'] ?? 'https';
  return `${scheme}://${host}${basePathOf(event)}`;
}

/** A Location a use case gives as an API path ('/cases/…') is sent under the API's base path, so it resolves on every URL the API has. */
function locatedUnderBase(reply: Reply, event: APIGatewayProxyEvent): Reply {
  const location = reply.headers?.location;
  if (!location?.startsWith('/')) return reply;
  return { ...reply, headers: { ...reply.headers, location: basePathOf(event) + location } };
}

function parseBody(event: APIGatewayProxyEvent): unknown {
  if (event.body === null || event.body === undefined || event.body === '') return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError('payload-too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation-failed', 'The body is not valid JSON.', [{ path: '', code: 'invalid-json', message: 'Send a JSON object' }]);
  }
}

function authorise(route: RouteSpec, caller: Caller | undefined): void {
  if (route.access === 'public') return;
  if (!caller) throw new AppError('unauthorized', 'Send a valid bearer token.');
  if (route.access !== 'signed-in' && !caller.groups.includes(route.access)) {
    throw new AppError('forbidden', `This needs the ${route.access} role.`);
  }
}

export function toResult(reply: Reply): APIGatewayProxyResult {
  const headers = { ...(reply.version !== undefined ? { etag: etag(reply.version) } : {}), ...reply.headers };
  if (reply.raw) {
    return { statusCode: reply.status, headers: { 'content-type': reply.raw.contentType, 'cache-control': 'no-store', ...headers }, body: reply.raw.text };
  }
  return jsonResponse(reply.status, reply.body, headers);
}

export function errorResult(err: unknown, event?: APIGatewayProxyEvent): APIGatewayProxyResult {
  if (err instanceof AppError) return problemResponse(err);
  const name = (err as { name?: string } | null)?.name ?? '';
  if (THROTTLED.has(name)) {
    logger.warn('throttled by a downstream service', { error: name });
    return problemResponse(new AppError('rate-limited', 'The service is busy; retry in a moment.'));
  }
  logger.error('unhandled error', { error: err as Error, path: event?.path });
  return problemResponse(new AppError('internal-error', 'An unexpected error occurred. It has been logged.'));
}

/** Wraps a use case as a Lambda handler for `route`. */
export function httpHandler<const R extends RouteSpec>(route: R, useCase: (req: Request<R>) => Promise<Reply>) {
  const base = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const caller = callerFrom(event);
    authorise(route, caller);
    const headers = lowerCaseHeaders(event.headers);
    const req = {
      params: route.params ? validate(route.params, event.pathParameters ?? {}, 'path') : undefined,
      query: route.query ? validate(route.query, event.queryStringParameters ?? {}, 'query') : undefined,
      body: route.body ? validate(route.body, parseBody(event), 'body') : undefined,
      caller,
      ifMatch: route.ifMatch ? parseIfMatch(headers['if-match']) : undefined,
      headers,
      now: new Date(),
      correlationId: correlationIdOf(event),
      baseUrl: publicBaseUrl(event),
    } as Request<R>;
    return toResult(locatedUnderBase(await useCase(req), event));
  };

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>(base).use({
    before: (request) => {
      logger.addContext(request.context);
      logger.appendKeys({ operation: route.operationId, requestId: request.event.requestContext?.requestId, correlationId: correlationIdOf(request.event) });
    },
    after: (request) => {
      if (request.response) request.response.headers = { ...request.response.headers, ...commonHeaders(request.event, request.response) };
    },
    onError: (request) => {
      const res = errorResult(request.error, request.event);
      request.response = { ...res, headers: { ...res.headers, ...commonHeaders(request.event, res) } };
    },
  });
}
