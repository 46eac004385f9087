/**
 * What every answer must be, whatever was asked, and what some answers must be exactly:
 *
 * - never a 5xx, and nothing but 2xx and 4xx;
 * - every 4xx is problem details (application/problem+json; type, title, status and code agreeing with
 *   the status and the code's registered title), in the language Accept-Language asked for: Content-Language says
 *   it, the title is that language's, the detail and every field problem's message are non-empty and (in Chinese)
 *   Chinese. What the gateway answers itself, before any handler, is English with the Chinese in `translations`;
 * - every 2xx is a status the route table declares, with its content type (JSON unless the route says CSV
 *   or HTML), an empty body where none is declared, and a JSON body that the declared response schema reads;
 * - no stack trace, runtime error name or AWS error name in any body, and no victim canary;
 * - a cursor the server did not issue: 400 invalid-cursor (or the route's own 403/404), never a page;
 * - before any use case runs: 404 for a path no route serves, 401 without a valid token, 403 without the
 *   route's role, 400 (413 for an oversized body) when the route's own schemas refuse the path, query or
 *   body. These follow the gateway (lib/local/server.ts, the same router) and the middleware
 *   (functions/shared/handler.ts): a refused request never reaches code that could change data.
 */
import { PROBLEM_STATUS, type ProblemCode } from '../../functions/domain/errors.ts';
import { t, type Locale } from '../../functions/domain/i18n/catalogues.ts';
import { MAX_BODY_BYTES } from '../../functions/shared/handler.ts';
import { PROBLEM_TYPE_BASE } from '../../functions/shared/http.ts';
import { responseSchemas } from '../../functions/shared/responses.ts';
import { ROUTES, type RouteSpec } from '../../functions/shared/routes.ts';
import { compileRoutes } from '../../lib/local/events.ts';
import type { CallerName } from './arbitraries.ts';

/** API Gateway's payload limit, which the local server plays (lib/local/server.ts). */
export const GATEWAY_MAX_BYTES = 10 * 1024 * 1024;

const matcher = compileRoutes(ROUTES);

export interface Expectation {
  /** The route the gateway picks for this method and path, if any. */
  route: RouteSpec | undefined;
  /** The only statuses allowed, when the request is refused before any use case runs. */
  statuses?: number[];
  why?: string;
}

/** queryStringParameters as API Gateway builds them: the last value of a repeated key, any key an own property. */
const queryOf = (url: URL): Record<string, string> => Object.fromEntries(url.searchParams);

function bodyValid(route: RouteSpec, body: string): boolean {
  try {
    return route.body!.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

export function expectationFor(method: string, url: URL, caller: CallerName, body: string | undefined): Expectation {
  const bytes = body === undefined ? 0 : Buffer.byteLength(body);
  const matched = matcher.match(method, url.pathname);
  if (bytes > GATEWAY_MAX_BYTES) return { route: undefined, statuses: [413], why: 'over the gateway limit' };
  if (matched === undefined || matched === 'method-not-allowed') return { route: undefined, statuses: [404], why: 'no route' };
  const route = matched.route;
  if (route.access !== 'public' && (caller === 'anonymous' || caller === 'forged')) return { route, statuses: [401], why: 'no valid token' };
  if (route.access === 'organisers' && caller !== 'organiser') return { route, statuses: [403], why: 'not an organiser' };
  if (route.access === 'reviewers' && caller !== 'reviewer') return { route, statuses: [403], why: 'not a reviewer' };

  const refused = new Set<number>();
  const why: string[] = [];
  const refuse = (status: number, what: string) => {
    refused.add(status);
    why.push(what);
  };
  if (route.params && !route.params.safeParse(matched.pathParameters).success) refuse(400, 'path');
  if (route.query && !route.query.safeParse(queryOf(url)).success) refuse(400, 'query');
  if (route.body) {
    // No body is read as {} (functions/shared/handler.ts, parseBody).
    if (body === undefined || body === '') {
      if (!route.body.safeParse({}).success) refuse(400, 'empty body');
    } else if (bytes > MAX_BODY_BYTES) refuse(413, 'body too large');
    else if (!bodyValid(route, body)) refuse(400, 'body');
  }
  return refused.size ? { route, statuses: [...refused], why: `invalid ${why.join(', ')}` } : { route };
}

/**
 * A cursor the server never issued (forged: built by hand, or a genuine one tampered with) on a request that passes
 * the gateway and validation must be refused: 400 invalid-cursor, or the 403/404 that the route answers first for a
 * resource the caller may not see. Never a 2xx (a page of some list) and never a 5xx.
 */
export function expectForgedCursor(exp: Expectation, url: URL, forged: readonly string[]): Expectation {
  const cursor = url.searchParams.get('cursor');
  if (exp.statuses || !exp.route || cursor === null || !forged.includes(cursor)) return exp;
  return { ...exp, statuses: [400, 403, 404], why: 'a cursor the server did not issue' };
}

export interface Answer {
  status: number;
  contentType: string;
  contentLanguage: string;
  text: string;
}

const CJK = /[\u4e00-\u9fff]/;
/** The refusals the gateway (the local server) answers itself, from a fixed template. */
const BY_GATEWAY = new Set(['no route', 'no valid token', 'over the gateway limit']);

/** The language properties of a problem `p` answered to a request that asked for `locale`. */
function languageViolations(exp: Expectation, res: Answer, p: Record<string, unknown>, code: ProblemCode, locale: Locale): string[] {
  const out: string[] = [];
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const inLanguage = (v: unknown, l: Locale) => nonEmpty(v) && (l !== 'zh-CN' || CJK.test(String(v)));
  if (exp.why !== undefined && BY_GATEWAY.has(exp.why)) {
    if (res.contentLanguage !== 'en') out.push(`a gateway problem with Content-Language ${res.contentLanguage || '(none)'}`);
    if (p.title !== t('en', `problem.${code}.title`)) out.push(`gateway problem title ${String(p.title)} for ${code}`);
    const zh = (p.translations as Record<string, Record<string, unknown>> | undefined)?.['zh-CN'];
    if (!zh || !inLanguage(zh.title, 'zh-CN')) out.push('a gateway problem without its Chinese title in translations');
    if (zh && p.detail !== undefined && !inLanguage(zh.detail, 'zh-CN')) out.push('a gateway problem without its Chinese detail in translations');
    return out;
  }
  if (res.contentLanguage !== locale) out.push(`Content-Language ${res.contentLanguage || '(none)'}, expected ${locale}`);
  if (p.title !== t(locale, `problem.${code}.title`)) out.push(`problem title ${String(p.title)} for ${code} in ${locale}`);
  if (!inLanguage(p.detail, locale)) out.push(`problem detail ${JSON.stringify(p.detail)} is not ${locale} words`);
  for (const e of Array.isArray(p.errors) ? (p.errors as { path?: unknown; message?: unknown }[]) : []) {
    if (!inLanguage(e.message, locale)) out.push(`field problem ${String(e.path)}: message ${JSON.stringify(e.message)} is not ${locale} words`);
  }
  return out;
}

const STACK = /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:|node:|\/)[^\s)]*:\d+:\d+\)?|\n\s+at\s/;
const RUNTIME_ERRORS = /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError)\b/;
const AWS_ERRORS = new RegExp(
  '\\b(?:' +
    [
      'ConditionalCheckFailed', 'TransactionCanceled', 'TransactionConflict', 'ValidationException', 'ResourceNotFoundException', 'ProvisionedThroughputExceeded',
      'ThrottlingException', 'RequestLimitExceeded', 'ItemCollectionSizeLimitExceeded', 'SerializationException', 'UnrecognizedClientException',
      'AccessDenied', 'NoSuchKey', 'NoSuchBucket', 'ExpiredToken', 'SignatureDoesNotMatch', 'ExecutionAlreadyExists', 'StateMachineDoesNotExist',
      'MessageRejected', 'InternalServerError', 'ServiceUnavailable', '\\$metadata', '\\$fault', 'httpStatusCode', 'CancellationReasons',
    ].join('|') +
    ')',
);

/** The violations of the universal properties by one answer to a request that asked for `locale` (empty when it is fine). */
export function violations(exp: Expectation, res: Answer, canaries: string[], locale: Locale): string[] {
  const out: string[] = [];
  const { status, contentType, text } = res;
  if (status >= 500) out.push(`a ${status}`);
  if (!((status >= 200 && status < 300) || (status >= 400 && status < 500))) out.push(`status ${status} is neither 2xx nor 4xx`);
  if (exp.statuses && !exp.statuses.includes(status)) out.push(`expected ${exp.statuses.join(' or ')} (${exp.why}), got ${status}`);
  if (exp.why === 'a cursor the server did not issue' && status === 400 && !text.includes('invalid-cursor')) out.push('a forged cursor refused, but not as invalid-cursor');

  if (status >= 400) {
    if (!contentType.startsWith('application/problem+json')) out.push(`a ${status} with content-type ${contentType || '(none)'}`);
    let p: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) p = parsed as Record<string, unknown>;
    } catch {
      // reported below
    }
    if (!p) out.push(`a ${status} whose body is not a JSON object`);
    else {
      const code = p.code as ProblemCode;
      if (p.status !== status) out.push(`problem status ${String(p.status)} on a ${status}`);
      if (typeof code !== 'string' || !(code in PROBLEM_STATUS)) out.push(`unknown problem code ${String(p.code)}`);
      else {
        if (PROBLEM_STATUS[code] !== status) out.push(`problem code ${code} on a ${status}`);
        if (p.type !== PROBLEM_TYPE_BASE + code) out.push(`problem type ${String(p.type)} for ${code}`);
        out.push(...languageViolations(exp, res, p, code, locale));
      }
      if (p.detail !== undefined && typeof p.detail !== 'string') out.push('problem detail is not a string');
      if (p.errors !== undefined && !(Array.isArray(p.errors) && p.errors.every((e) => e && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { path?: unknown }).path === 'string'))) {
        out.push('problem errors are not a list of { path, code, message }');
      }
    }
  }

  if (status >= 200 && status < 300 && exp.route) {
    const declared = exp.route.responses[status];
    if (!declared) out.push(`${status} is not a status ${exp.route.operationId} declares`);
    else if (!declared.schema && !declared.contentType) {
      if (text !== '') out.push(`a ${status} with a body where none is declared`);
    } else {
      const type = declared.contentType ?? 'application/json';
      if (!contentType.startsWith(type)) out.push(`a ${status} with content-type ${contentType || '(none)'} instead of ${type}`);
      if (type === 'application/json') {
        try {
          const body: unknown = JSON.parse(text);
          const schema = declared.schema?.(responseSchemas());
          const parsed = schema?.safeParse(body);
          if (parsed && !parsed.success) out.push(`the body does not match the declared ${exp.route.operationId} ${status} schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
        } catch {
          out.push(`a ${status} whose body is not JSON`);
        }
      }
    }
  }

  const isDocs = exp.route?.operationId === 'getOpenApi' || exp.route?.operationId === 'getDocs';
  if (STACK.test(text)) out.push('a stack trace in the body');
  if (!isDocs && RUNTIME_ERRORS.test(text)) out.push(`a runtime error name in the body: ${RUNTIME_ERRORS.exec(text)?.[0]}`);
  if (!isDocs && AWS_ERRORS.test(text)) out.push(`an AWS error name in the body: ${AWS_ERRORS.exec(text)?.[0]}`);
  for (const c of canaries) if (text.includes(c)) out.push(`the victim's data (${c}) in the body`);
  return out;
}
