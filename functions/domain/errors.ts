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

export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/** A failure the caller can act on. Mapped to RFC 9457 problem details in one place (shared/http.ts). */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly errors: FieldProblem[] | undefined;

  constructor(code: ProblemCode, detail?: string, errors?: FieldProblem[]) {
    super(detail ?? en[`problem.${code}.title`]);
    this.name = 'AppError';
    this.code = code;
    this.status = PROBLEM_STATUS[code];
    this.errors = errors;
  }
}

export const notFound = (what = 'The resource') => new AppError('not-found', `${what} does not exist or is not visible to you.`);
