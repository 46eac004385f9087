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

export const PROBLEM_TITLES: Record<ProblemCode, string> = {
  'validation-failed': 'The request is not valid',
  unauthorized: 'Sign-in required',
  forbidden: 'Not allowed for your role',
  'not-found': 'Not found',
  conflict: 'Conflict with the current state',
  'edition-not-open': 'The edition is not open',
  'deadline-passed': 'The deadline has passed',
  'precondition-failed': 'The resource has changed',
  'payload-too-large': 'The request body is too large',
  'not-eligible': 'The case does not meet the rules',
  'rate-limited': 'Too many requests',
  'internal-error': 'Something went wrong on our side',
};

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
    super(detail ?? PROBLEM_TITLES[code]);
    this.name = 'AppError';
    this.code = code;
    this.status = PROBLEM_STATUS[code];
    this.errors = errors;
  }
}

export const notFound = (what = 'The resource') => new AppError('not-found', `${what} does not exist or is not visible to you.`);
