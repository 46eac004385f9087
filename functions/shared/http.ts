/**
 * HTTP helpers: problem details (RFC 9457), JSON responses and ETags. Errors become responses
 * here and nowhere else.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import type * as z from 'zod/mini';
import { AppError, fieldProblemIn, PROBLEM_STATUS, type FieldProblem, type ProblemCode } from '#domain/errors';
import { DEFAULT_LOCALE, isMessageKey, LOCALES, render, t, type FieldKey, type Locale, type Message, type MessageKey } from '#domain/i18n/catalogues';

/** The request headers a browser may send cross-origin (answered in preflights by API Gateway and the local server). */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'X-Correlation-Id'];
/**
 * The response headers a browser script may read cross-origin. Content-Language is CORS-safelisted, readable without:
 * listed all the same, as the OpenAPI document declares exactly these.
 */
export const CORS_EXPOSE_HEADERS = ['Content-Language', 'ETag', 'Location', 'Retry-After', 'X-Correlation-Id'];
/**
 * How long a browser may cache a preflight's answer (seconds): API Gateway's and the local server's. Preflights are
 * cached per URL, so every case and attachment path costs one; browsers cap the value (Chromium at 2 hours).
 */
export const CORS_MAX_AGE_SECONDS = 3600;

export const PROBLEM_TYPE_BASE = 'https://practice-cases.dev/problems/';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  errors?: ReturnType<typeof fieldProblemIn>[];
}

/** A problem in English, with its words in each other language in the extension member `translations` (RFC 9457, 3.2). */
export type FixedProblem = Problem & { translations: Record<string, Pick<Problem, 'title' | 'detail' | 'errors'>> };

/** The title, the detail and the field problems' messages are in `locale`; the code, the type and the paths are the same in every language. */
export function problemBody(code: ProblemCode, detail?: Message, errors?: FieldProblem[], instance?: string, locale: Locale = DEFAULT_LOCALE): Problem {
  return {
    type: PROBLEM_TYPE_BASE + code,
    title: t(locale, `problem.${code}.title`),
    status: PROBLEM_STATUS[code],
    code,
    ...(detail ? { detail: render(locale, detail) } : {}),
    ...(instance ? { instance } : {}),
    ...(errors?.length ? { errors: errors.map((e) => fieldProblemIn(locale, e)) } : {}),
  };
}

/**
 * A problem answered from a fixed template, which cannot follow Accept-Language: API Gateway's gateway responses and
 * WAF's (no VTL runs there), and the local server's stand-ins for them. It is sent with Content-Language: en, and
 * carries the other languages' words for a client to choose from.
 */
export function fixedProblemBody(code: ProblemCode, detail?: Message, errors?: FieldProblem[]): FixedProblem {
  const translations = LOCALES.filter((l) => l !== 'en').map((l) => {
    const { title, detail: words, errors: fields } = problemBody(code, detail, errors, undefined, l);
    return [l, { title, ...(words ? { detail: words } : {}), ...(fields ? { errors: fields } : {}) }] as const;
  });
  return { ...problemBody(code, detail, errors, undefined, 'en'), translations: Object.fromEntries(translations) };
}

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function problemResponse(err: AppError, locale: Locale = DEFAULT_LOCALE, instance?: string): APIGatewayProxyResult {
  return {
    statusCode: err.status,
    headers: { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store', ...(err.code === 'rate-limited' ? { 'retry-after': '1' } : {}) },
    body: JSON.stringify(problemBody(err.code, err.detail, err.errors, instance, locale)),
  };
}

export function jsonResponse(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResult {
  if (body === undefined) return { statusCode, headers: { 'cache-control': 'no-store', ...headers }, body: '' };
  return { statusCode, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers }, body: JSON.stringify(body) };
}

/** What a handler answers; toResult makes it the Lambda result. */
export interface Reply {
  status: number;
  body?: unknown;
  /** The resource version, sent as the ETag. */
  version?: number;
  headers?: Record<string, string>;
  /** For non-JSON bodies (HTML, the OpenAPI document pre-serialised). */
  raw?: { contentType: string; text: string };
}

export function toResult(reply: Reply): APIGatewayProxyResult {
  const headers = { ...(reply.version !== undefined ? { etag: etag(reply.version) } : {}), ...reply.headers };
  if (reply.raw) {
    return { statusCode: reply.status, headers: { 'content-type': reply.raw.contentType, 'cache-control': 'no-store', ...headers }, body: reply.raw.text };
  }
  return jsonResponse(reply.status, reply.body, headers);
}

// ---------- validation ----------

const ZOD_CODE: Record<string, string> = {
  invalid_type: 'invalid-type',
  too_big: 'too-long',
  too_small: 'too-short',
  unrecognized_keys: 'unknown-field',
  invalid_format: 'invalid-format',
  invalid_value: 'invalid-value',
  invalid_union: 'invalid-value',
  not_multiple_of: 'invalid-value',
};

const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);

/** A value as zod's English locale names it in a message: strings quoted, bigints with n. */
const literal = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : typeof v === 'bigint' ? `${v}n` : String(v));

/** The type of a value as zod's English locale names it ("received …"). */
function typeName(v: unknown): string {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'number' : String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && v.constructor) return v.constructor.name;
  return typeof v;
}

const ZOD_FORMATS: Readonly<Record<string, FieldKey>> = {
  email: 'field.zod.format.email',
  url: 'field.zod.format.url',
  datetime: 'field.zod.format.datetime',
  date: 'field.zod.format.date',
  regex: 'field.zod.format.regex',
};

/** A size bound's words: exactly, or inclusive or not. */
const bound = (issue: { exact?: boolean; inclusive?: boolean }, limit: 'max' | 'min'): Message => ({
  key: issue.exact ? 'field.zod.bound.exactly' : limit === 'max' ? (issue.inclusive ? 'field.zod.bound.at-most' : 'field.zod.bound.below') : issue.inclusive ? 'field.zod.bound.at-least' : 'field.zod.bound.above',
});

/**
 * What an issue says: the catalogue key a check gave as its message (schema-kit.ts: withCode, says), with a custom
 * issue's params; else zod's own issue, in the words of zod's English locale (field.zod.*) so English reads as before.
 */
function messageOf(issue: z.core.$ZodIssue, input: unknown): Message {
  if (isMessageKey(issue.message)) {
    const { code: _code, ...params } = issue.code === 'custom' ? ((issue.params ?? {}) as NonNullable<Message['params']>) : {};
    return { key: issue.message, params };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'field.zod.invalid-type', params: { expected: issue.expected, received: typeName('input' in issue ? issue.input : valueAt(input, issue.path)) } };
    case 'invalid_value':
      return issue.values.length === 1
        ? { key: 'field.zod.invalid-value', params: { value: literal(issue.values[0]) } }
        : { key: 'field.zod.invalid-option', params: { values: issue.values.map(literal).join('|') } };
    case 'too_big': {
      const params = { origin: issue.origin ?? 'value', bound: bound(issue, 'max'), maximum: String(issue.maximum) };
      return { key: issue.origin === 'string' || issue.origin === 'array' ? (issue.origin === 'string' ? 'field.zod.too-big.string' : 'field.zod.too-big.array') : 'field.zod.too-big', params };
    }
    case 'too_small': {
      const params = { origin: issue.origin, bound: bound(issue, 'min'), minimum: String(issue.minimum) };
      return { key: issue.origin === 'string' || issue.origin === 'array' ? (issue.origin === 'string' ? 'field.zod.too-small.string' : 'field.zod.too-small.array') : 'field.zod.too-small', params };
    }
    case 'invalid_format':
      return { key: ZOD_FORMATS[issue.format] ?? 'field.zod.format', params: { format: issue.format, pattern: issue.pattern ?? '' } };
    case 'not_multiple_of':
      return { key: 'field.zod.not-multiple-of', params: { divisor: issue.divisor } };
    case 'invalid_key':
      return { key: 'field.zod.invalid-key', params: { origin: issue.origin } };
    case 'invalid_element':
      return { key: 'field.zod.invalid-element', params: { origin: issue.origin } };
    default:
      return { key: 'field.zod.invalid' };
  }
}

/** Zod issues as field problems with stable codes (a custom issue carries its own in params); `input` tells a missing field from one of the wrong type. */
export function fieldProblems(error: z.core.$ZodError, prefix?: string, input?: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: path ? `${path}.${key}` : key, code: 'unknown-field', message: { key: 'field.unknown-field', params: { key } } });
      continue;
    }
    const custom = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    out.push({ path, code: custom ?? (missing ? 'required' : (ZOD_CODE[issue.code] ?? 'invalid-value')), message: messageOf(issue, input) });
  }
  return out;
}

type Where = 'body' | 'path' | 'query';
const INVALID = { body: 'detail.invalid-body', path: 'detail.invalid-path', query: 'detail.invalid-query' } as const satisfies Record<Where, MessageKey>;

export function validate<T extends z.ZodMiniType>(schema: T, input: unknown, where: Where): z.infer<T> {
  // reportInput: the issues keep the value they are about, which an invalid_type's message names.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    throw new AppError('validation-failed', INVALID[where], fieldProblems(parsed.error, where === 'body' ? undefined : where, input));
  }
  return parsed.data;
}

// ---------- optimistic concurrency ----------

export const etag = (version: number): string => `"${version}"`;

/** If-Match as a version number, '*' for any, or undefined when absent. An unparsable tag matches nothing. */
export function parseIfMatch(header: string | undefined): number | '*' | undefined {
  if (header === undefined) return undefined;
  const h = header.trim();
  if (h === '*') return '*';
  const m = /^(?:W\/)?"?(\d{1,15})"?$/.exec(h);
  return m ? Number(m[1]) : -1;
}
