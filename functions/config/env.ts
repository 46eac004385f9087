import * as z from 'zod/mini';

/**
 * Reads the environment once, at cold start, and fails loudly when something is missing: a function
 * that starts without its table name must not limp on with an empty string.
 */
export function loadEnv<T extends z.core.$ZodShape>(shape: T, env: NodeJS.ProcessEnv = process.env): z.infer<z.ZodMiniObject<T>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const which = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`Missing or invalid environment: ${which}`);
  }
  return parsed.data;
}

let cursorKey: Buffer | undefined;

/**
 * The stage's key for signing list cursors (functions/adapters/cursor.ts): CURSOR_SECRET, which the stack resolves from
 * its generated secret at deploy time (no call to fetch it) and the local environment generates. Read on first
 * use rather than at import: most invocations never make or read a cursor.
 */
export function cursorSecret(): Buffer {
  cursorKey ??= Buffer.from(loadEnv({ CURSOR_SECRET: z.string().check(z.minLength(32)) }).CURSOR_SECRET, 'utf8');
  return cursorKey;
}
