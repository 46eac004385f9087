import { render, type Locale, type Message, type MessageKey } from './i18n/catalogues.ts';
import { en } from './i18n/en.ts';

/** The stable problem codes of the API and the HTTP status each one carries. The one place they are mapped. */
export const PROBLEM_STATUS = {
  'validation-failed': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'edition-not-open': 409,
  'deadline-passed': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'not-eligible': 422,
  'rate-limited': 429,
  'internal-error': 500,
} as const;

export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** What a problem says: a catalogue key, or a key with its params. */
export type Detail = MessageKey | Message;

const messageOf = (detail: Detail): Message => (typeof detail === 'string' ? { key: detail } : detail);

/** A problem with one field of the request (or the case): `path` and `code` are stable, `message` is worded per reader. */
export interface FieldProblem {
  path: string;
  code: string;
  message: Message;
}

/** A field problem in `locale`, as an answer carries it. */
export const fieldProblemIn = (locale: Locale, p: FieldProblem) => ({ path: p.path, code: p.code, message: render(locale, p.message) });

/**
 * A failure the caller can act on. Mapped to RFC 9457 problem details in one place (shared/http.ts), which words the
 * detail in the caller's language; `message` is the English one, for the logs.
 */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly detail: Message | undefined;
  readonly errors: FieldProblem[] | undefined;

  constructor(code: ProblemCode, detail?: Detail, errors?: FieldProblem[]) {
    const message = detail === undefined ? undefined : messageOf(detail);
    super(message ? render('en', message) : en[`problem.${code}.title`]);
    this.name = 'AppError';
    this.code = code;
    this.status = PROBLEM_STATUS[code];
    this.detail = message;
    this.errors = errors;
  }
}

/** What a detail may name: `detail.thing.*` in the catalogues. */
export type Thing = MessageKey extends infer K ? (K extends `detail.thing.${infer T}` ? T : never) : never;

export const thing = (what: Thing): Message => ({ key: `detail.thing.${what}` });

export const notFound = (what: Thing = 'resource') => new AppError('not-found', { key: 'detail.not-found', params: { thing: thing(what) } });
