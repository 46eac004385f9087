/**
 * The wrapper of the routes that serve the API's own documents (functions/docs/): the answers httpHandler gives
 * (the common headers, the correlation id, problem details) without its middleware stack. These routes are public,
 * take no body and check the little they read against their own allow-lists, so the function loads no middy, no
 * Powertools logger and no zod at cold start: it imports in a few milliseconds instead of 30 to 60.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { AppError } from '#domain/errors';
import { problemResponse, toResult, type Reply } from './http.ts';
import { commonHeaders, correlationIdOf, lowerCaseHeaders, publicBaseUrl } from './http-headers.ts';
import { redactingReplacer } from './redact.ts';

export interface StaticRequest {
  /** As API Gateway passed them: the handler checks what it reads (its route declares no schema it would load). */
  params: Readonly<Record<string, string>>;
  query: Readonly<Record<string, string>>;
  /** Lower-cased names. */
  headers: Readonly<Record<string, string>>;
  correlationId: string;
  /** The API's URL as the caller reached it (publicBaseUrl), for documents that name the API. */
  baseUrl: string;
}

/** Own properties only, so a key named like a built-in ('__proto__', 'constructor') is an ordinary key. */
const definedOnly = (values: APIGatewayProxyEvent['queryStringParameters']): Record<string, string> =>
  Object.fromEntries(Object.entries(values ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));

/** The levels at which the logger writes no error either. */
const QUIET_LEVELS = new Set(['CRITICAL', 'SILENT']);

/**
 * A failure the handler did not expect: one line in the logger's JSON shape (shared/logger.ts), through the same
 * redaction, and a 500 problem. Not through the logger itself: Powertools and what it imports (node:crypto,
 * node:console) are most of what httpHandler costs at cold start, and even loaded lazily a bundle hoists those imports.
 */
function unexpected(err: unknown, event: APIGatewayProxyEvent, context: Context | undefined): APIGatewayProxyResult {
  const error = err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : { message: String(err) };
  const line = {
    level: 'ERROR',
    message: 'unhandled error',
    timestamp: new Date().toISOString(),
    service: process.env.POWERTOOLS_SERVICE_NAME,
    function_name: context?.functionName,
    function_request_id: context?.awsRequestId,
    requestId: event.requestContext?.requestId,
    correlationId: correlationIdOf(event),
    path: event.path,
    error,
  };
  if (!QUIET_LEVELS.has((process.env.POWERTOOLS_LOG_LEVEL ?? '').toUpperCase())) process.stdout.write(`${JSON.stringify(line, redactingReplacer)}\n`);
  return problemResponse(new AppError('internal-error'));
}

/** Wraps `answer` as the Lambda handler of a public route without schemas. */
export function staticHandler(answer: (req: StaticRequest) => Reply | Promise<Reply>) {
  return async (event: APIGatewayProxyEvent, context?: Context): Promise<APIGatewayProxyResult> => {
    let result: APIGatewayProxyResult;
    try {
      result = toResult(
        await answer({
          params: definedOnly(event.pathParameters),
          query: definedOnly(event.queryStringParameters),
          headers: lowerCaseHeaders(event.headers),
          correlationId: correlationIdOf(event),
          baseUrl: publicBaseUrl(event),
        }),
      );
    } catch (err) {
      result = err instanceof AppError ? problemResponse(err) : unexpected(err, event, context);
    }
    return { ...result, headers: { ...result.headers, ...commonHeaders(event, result) } };
  };
}
