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
import { callerFrom, type Caller } from './auth.ts';
import { etag, jsonResponse, parseIfMatch, problemResponse, validate } from './http.ts';
import type { RouteSpec } from './routes.ts';
import { logger } from './logger.ts';

export { logger };


/**
 * With a Lambda proxy integration API Gateway adds no CORS headers to the function's answers: the handler
 * must, for the origins the stage allows ('*' allows any; the local environment sets that).
 */
const ALLOWED_ORIGINS = new Set((process.env.CORS_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean));

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !(ALLOWED_ORIGINS.has(origin) || ALLOWED_ORIGINS.has('*'))) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'ETag, Location', vary: 'Origin' };
}

/** Bodies above this are refused with 413 before they are parsed. The largest valid case is far below it. */
export const MAX_BODY_BYTES = 256 * 1024;

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
    return { statusCode: reply.status, headers: { 'content-type': reply.raw.contentType, ...headers }, body: reply.raw.text };
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
    } as Request<R>;
    return toResult(await useCase(req));
  };

  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>(base).use({
    before: (request) => {
      logger.addContext(request.context);
      logger.appendKeys({ operation: route.operationId, requestId: request.event.requestContext?.requestId });
    },
    after: (request) => {
      if (request.response) request.response.headers = { ...request.response.headers, ...corsHeaders(originOf(request.event)) };
    },
    onError: (request) => {
      const res = errorResult(request.error, request.event);
      request.response = { ...res, headers: { ...res.headers, ...corsHeaders(originOf(request.event)) } };
    },
  });
}
