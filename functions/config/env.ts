/**
 * Reads the environment once, at cold start, and fails loudly when something is missing: a function
 * that starts without its table name must not limp on with an empty string. Checked by hand, not with zod: every
 * function reads its environment at cold start, and a zod schema parsed there cost about as much as the rest of the
 * function's own code (npm run bench); zod now loads with a route's request schemas, on its first request.
 */

const INVALID = Symbol('invalid');

/** Reads one variable: its value, or INVALID. */
type EnvCheck<T> = (value: string | undefined) => T | typeof INVALID;

/** A string of at least `minLength` characters. */
export const required =
  (minLength = 1): EnvCheck<string> =>
  (v) =>
    v !== undefined && v.length >= minLength ? v : INVALID;

/** Any string, or nothing. */
export const optional = (): EnvCheck<string | undefined> => (v) => v;

/** One of `values`. */
export const oneOf =
  <const V extends string>(values: readonly V[]): EnvCheck<V> =>
  (v) =>
    values.includes(v as V) ? (v as V) : INVALID;

/** One of `values`, or nothing. */
export const optionalOneOf =
  <const V extends string>(values: readonly V[]): EnvCheck<V | undefined> =>
  (v) =>
    v === undefined || values.includes(v as V) ? (v as V | undefined) : INVALID;

/** A whole number of at least `min` as Number() reads it (so ' 12 ' and '1e3' pass), `fallback` when unset. */
export const integer =
  (min: number, fallback: number): EnvCheck<number> =>
  (v) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    return Number.isSafeInteger(n) && n >= min ? n : INVALID;
  };

export function loadEnv<S extends Record<string, EnvCheck<unknown>>>(
  shape: S,
  env: NodeJS.ProcessEnv = process.env,
): { [K in keyof S]: Exclude<ReturnType<S[K]>, typeof INVALID> } {
  const out: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [name, check] of Object.entries(shape)) {
    const value = check(env[name]);
    if (value === INVALID) invalid.push(name);
    else out[name] = value;
  }
  if (invalid.length) throw new Error(`Missing or invalid environment: ${invalid.join(', ')}`);
  return out as { [K in keyof S]: Exclude<ReturnType<S[K]>, typeof INVALID> };
}

let cursorKey: Buffer | undefined;

/**
 * The stage's key for signing list cursors (functions/adapters/cursor.ts): CURSOR_SECRET, which the stack resolves from
 * its generated secret at deploy time (no call to fetch it) and the local environment generates. Read on first
 * use rather than at import: most invocations never make or read a cursor.
 */
export function cursorSecret(): Buffer {
  cursorKey ??= Buffer.from(loadEnv({ CURSOR_SECRET: required(32) }).CURSOR_SECRET, 'utf8');
  return cursorKey;
}
