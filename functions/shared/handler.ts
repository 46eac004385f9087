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
import type { Locale } from '#domain/i18n/catalogues';
import { callerFrom } from './auth.ts';
import { parseIfMatch, toResult, validate, type Reply } from './http.ts';
import { basePathOf, commonHeaders, correlationIdOf, localeOf, lowerCaseHeaders, publicBaseUrl } from './http-headers.ts';
import type { RouteSchemas, RouteSpec, SchemasOf } from './route-spec.ts';
import { logger } from './logger.ts';
import { errorResult } from './error-result.ts';

/** Moved where the light wrapper (static-handler.ts) takes them without this stack; still importable from here. */
export { basePathOf, correlationIdOf, CORRELATION_HEADER, corsHeaders, publicBaseUrl, SECURITY_HEADERS } from './http-headers.ts';
export { toResult, type Reply } from './http.ts';
export { errorResult } from './error-result.ts';

/** Bodies above this are refused with 413 before they are parsed (domain/limits.ts). */
export const MAX_BODY_BYTES = BODY_MAX_BYTES;

/** What the route's schema `K` gives, undefined when it has none. */
type Infer<S, K extends keyof RouteSchemas> = S extends { [P in K]: infer T extends z.ZodMiniType } ? z.output<T> : undefined;

export interface Request<R extends RouteSpec> {
  params: Infer<SchemasOf<R>, 'params'>;
  query: Infer<SchemasOf<R>, 'query'>;
  body: Infer<SchemasOf<R>, 'body'>;
  caller: R['access'] extends 'public' ? Caller | undefined : Caller;
  ifMatch: number | '*' | undefined;
  headers: Record<string, string>;
  /** When the request reached API Gateway (receivedAt): what every deadline and timestamp of the request uses. */
  now: Date;
  /** Follows this request into what it starts (the notification workflow) and into every log line. */
  correlationId: string;
  /** The API's URL as the caller reached it (publicBaseUrl), for documents that name the API. */
  baseUrl: string;
  /** The language Accept-Language negotiates: what the answer is written in (http-headers.ts, localeOf). */
  locale: Locale;
}


/** A Location a use case gives as an API path ('/cases/…') is sent under the API's base path, so it resolves on every URL the API has. */
function locatedUnderBase(reply: Reply, event: APIGatewayProxyEvent): Reply {
  const location = reply.headers?.location;
  if (!location?.startsWith('/')) return reply;
  return { ...reply, headers: { ...reply.headers, location: basePathOf(event) + location } };
}

/** API Gateway answers 504 after its integration timeout: no request reaches a handler later than this after its receipt. */
const INTEGRATION_TIMEOUT_MS = 29_000;

/**
 * When API Gateway received the request (requestContext.requestTimeEpoch: API Gateway's, the client cannot set it),
 * bounded by the server's clock: a deadline is judged by when the request arrived, so a cold start or a queue in front
 * of a busy function cannot cost an applicant who sent at 23:59:59.9 their submission. A receipt time ahead of the
 * clock (skew) or older than the integration timeout (no real request) gives way to the clock.
 */
export function receivedAt(event: Pick<APIGatewayProxyEvent, 'requestContext'>, clock = Date.now()): Date {
  const t = (event.requestContext as { requestTimeEpoch?: unknown } | undefined)?.requestTimeEpoch;
  return new Date(typeof t === 'number' && t <= clock && t >= clock - INTEGRATION_TIMEOUT_MS ? t : clock);
}

function parseBody(event: APIGatewayProxyEvent): unknown {
  if (event.body === null || event.body === undefined || event.body === '') return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError('payload-too-large', { key: 'detail.body-too-large', params: { max: MAX_BODY_BYTES } });
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation-failed', 'detail.invalid-json', [{ path: '', code: 'invalid-json', message: { key: 'field.invalid-json' } }]);
  }
}

function authorise(route: RouteSpec, caller: Caller | undefined): void {
  if (route.access === 'public') return;
  if (!caller) throw new AppError('unauthorized', 'detail.unauthorized');
  if (route.access !== 'signed-in' && !caller.groups.includes(route.access)) {
    throw new AppError('forbidden', { key: 'detail.role-needed', params: { role: route.access } });
  }
}

/** Wraps a use case as a Lambda handler for `route`. */
export function httpHandler<const R extends RouteSpec>(route: R, useCase: (req: Request<R>) => Promise<Reply>) {
  /** Loaded on the first request and kept: the container's later requests find them built. */
  let loading: Promise<RouteSchemas> | undefined;
  const base = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const caller = callerFrom(event);
    authorise(route, caller);
    const { params, query, body } = await (loading ??= route.schemas?.() ?? Promise.resolve(route));
    const headers = lowerCaseHeaders(event.headers);
    const req = {
      params: params ? validate(params, event.pathParameters ?? {}, 'path') : undefined,
      query: query ? validate(query, event.queryStringParameters ?? {}, 'query') : undefined,
      body: body ? validate(body, parseBody(event), 'body') : undefined,
      caller,
      ifMatch: route.ifMatch ? parseIfMatch(headers['if-match']) : undefined,
      headers,
      now: receivedAt(event),
      correlationId: correlationIdOf(event),
      baseUrl: publicBaseUrl(event),
      locale: localeOf(event),
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
