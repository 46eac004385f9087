/**
 * What every answer of the API carries besides its own headers, whichever wrapper made it (handler.ts for the routes
 * with schemas, static-handler.ts for the API's own documents): the security headers, CORS for the stage's origins,
 * the correlation id and the language; and the API's URL as the caller reached it. It imports nothing but http.ts's
 * constants and the language negotiation, so a light function loads it for free.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { Locale } from '#domain/i18n/catalogues';
import { negotiateLocale } from '#domain/i18n/negotiate';
import { CORS_EXPOSE_HEADERS } from './http.ts';

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

export function lowerCaseHeaders(h: APIGatewayProxyEvent['headers'] | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

const originOf = (event: APIGatewayProxyEvent): string | undefined => event.headers?.origin ?? event.headers?.Origin;

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin || !(ALLOWED_ORIGINS.has(origin) || ALLOWED_ORIGINS.has('*'))) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(', '), vary: 'Origin' };
}

/** The language the request's Accept-Language negotiates (English without an event or a header). */
export const localeOf = (event: APIGatewayProxyEvent | undefined): Locale => negotiateLocale(lowerCaseHeaders(event?.headers ?? null)['accept-language']);

/** The union of Vary lists, each name once whatever its case, in the order first named. */
function mergeVary(...lists: (string | undefined)[]): string {
  const names = new Map<string, string>();
  for (const name of lists.flatMap((list) => list?.split(',') ?? []).map((n) => n.trim()).filter(Boolean)) {
    if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
  }
  return [...names.values()].join(', ');
}

/**
 * The headers every answer of every route carries besides its own. Content-Language is the negotiated language unless
 * the answer names its own (a document whose language the query chose); every answer varies with Accept-Language.
 */
export function commonHeaders(event: APIGatewayProxyEvent, response: APIGatewayProxyResult): Record<string, string> {
  const type = String(response.headers?.['content-type'] ?? '');
  const cors = corsHeaders(originOf(event));
  return {
    ...SECURITY_HEADERS,
    ...(type.startsWith('text/html') ? {} : { 'content-security-policy': LOCKED_DOWN_CSP }),
    [CORRELATION_HEADER]: correlationIdOf(event),
    ...cors,
    'content-language': String(response.headers?.['content-language'] ?? localeOf(event)),
    vary: mergeVary(response.headers?.vary === undefined ? undefined : String(response.headers.vary), cors.vary, 'Accept-Language'),
  };
}

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
