/**
 * HTTP helpers: problem details (RFC 9457), JSON responses and ETags. Errors become responses
 * here and nowhere else.
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import type * as z from 'zod/mini';
import { AppError, PROBLEM_STATUS, type FieldProblem, type ProblemCode } from '#domain/errors';
import { DEFAULT_LOCALE, t, type Locale } from '#domain/i18n/catalogues';

/** The request headers a browser may send cross-origin (answered in preflights by API Gateway and the local server). */
export const CORS_ALLOW_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'X-Correlation-Id'];
/**
 * The response headers a browser script may read cross-origin. Content-Language is CORS-safelisted, readable without:
 * listed all the same, as the OpenAPI document declares exactly these.
 */
export const CORS_EXPOSE_HEADERS = ['Content-Language', 'ETag', 'Location', 'X-Correlation-Id'];
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
  errors?: FieldProblem[];
}

/** The title is in `locale`; the code, the type and (for now) the detail are the same in every language. */
export function problemBody(code: ProblemCode, detail?: string, errors?: FieldProblem[], instance?: string, locale: Locale = DEFAULT_LOCALE): Problem {
  return {
    type: PROBLEM_TYPE_BASE + code,
    title: t(locale, `problem.${code}.title`),
    status: PROBLEM_STATUS[code],
    code,
    ...(detail ? { detail } : {}),
    ...(instance ? { instance } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

const JSON_TYPE = 'application/json; charset=utf-8';
const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function problemResponse(err: AppError, locale: Locale = DEFAULT_LOCALE, instance?: string): APIGatewayProxyResult {
  return {
    statusCode: err.status,
    headers: { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store', ...(err.code === 'rate-limited' ? { 'retry-after': '1' } : {}) },
    body: JSON.stringify(problemBody(err.code, err.message, err.errors, instance, locale)),
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

/* A custom issue carries its own code in params. */
const valueAt = (input: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), input);

/** Zod issues as field problems with stable codes; `input` tells a missing field from one of the wrong type. */
export function fieldProblems(error: z.core.$ZodError, prefix?: string, input?: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: path ? `${path}.${key}` : key, code: 'unknown-field', message: `${key} is not a field you can set` });
      }
      continue;
    }
    const custom = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    out.push({ path, code: custom ?? (missing ? 'required' : (ZOD_CODE[issue.code] ?? 'invalid-value')), message: issue.message });
  }
  return out;
}

export function validate<T extends z.ZodMiniType>(schema: T, input: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation-failed', `The ${where} is not valid.`, fieldProblems(parsed.error, where === 'body' ? undefined : where, input));
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
