/**
 * The wrapper of the routes that serve the API's own documents (functions/docs/): the answers httpHandler gives
 * (the common headers, the correlation id, problem details) without its middleware stack. These routes are public,
 * take no body and check the little they read against their own allow-lists, so the function loads no middy and no
 * zod at cold start: it imports in a few milliseconds instead of 30 to 60. It logs through the same logger.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { FieldProblem } from '#domain/errors';
import { errorResult } from './error-result.ts';
import { toResult, type Reply } from './http.ts';
import { commonHeaders, correlationIdOf, lowerCaseHeaders, publicBaseUrl } from './http-headers.ts';
import { logger } from './logger.ts';

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

/**
 * The problems of the fields of `query` its route does not declare (`allowed`), with the code validation gives every
 * other route: the light routes check their few fields by hand, without loading their zod schemas.
 */
export function unknownQueryFields(query: Readonly<Record<string, string>>, allowed: readonly string[]): FieldProblem[] {
  return Object.keys(query)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ path: `query.${key}`, code: 'unknown-field', message: { key: 'field.unknown-field', params: { key } } }));
}

/** Wraps `answer` as the Lambda handler of a public route without schemas. */
export function staticHandler(answer: (req: StaticRequest) => Reply | Promise<Reply>) {
  return async (event: APIGatewayProxyEvent, context?: Context): Promise<APIGatewayProxyResult> => {
    if (context) logger.addContext(context);
    const correlationId = correlationIdOf(event);
    logger.appendKeys({ requestId: event.requestContext?.requestId, correlationId });
    let result: APIGatewayProxyResult;
    try {
      result = toResult(
        await answer({
          params: definedOnly(event.pathParameters),
          query: definedOnly(event.queryStringParameters),
          headers: lowerCaseHeaders(event.headers),
          correlationId,
          baseUrl: publicBaseUrl(event),
        }),
      );
    } catch (err) {
      result = errorResult(err, event);
    }
    return { ...result, headers: { ...result.headers, ...commonHeaders(event, result) } };
  };
}
