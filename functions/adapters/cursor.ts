/**
 * List cursors: opaque, signed with the stage's cursor key, bound to the list they were issued for. Every paged
 * read of the table (paging.ts, merged-query.ts) makes and reads them; a cursor the server did not issue for the
 * very list is the caller's 400.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '#domain/errors';
import { cursorSecret } from '#config/env';

/** The one answer to a cursor that this server did not issue for this very list. */
export const invalidCursor = () =>
  new AppError('validation-failed', 'detail.invalid-cursor', [{ path: 'query.cursor', code: 'invalid-cursor', message: { key: 'field.invalid-cursor' } }]);

const cursorMac = (scope: string, payload: string) => createHmac('sha256', cursorSecret()).update(`${scope}\n${payload}`).digest();

/**
 * An opaque cursor: the list's position as base64url JSON, then an HMAC-SHA256 of it and of `scope` (which names
 * the list: index, partition, range, filters) under the stage's cursor key. Only the server can make one, and one
 * made for a list is refused by every other list.
 */
export function signCursor(state: unknown, scope: string): string {
  const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${payload}.${cursorMac(scope, payload).toString('base64url')}`;
}

/** The position held by a cursor that this server issued for `scope`; any other string is a 400. */
export function openCursor(cursor: string, scope: string): unknown {
  const [payload, tag, ...rest] = cursor.split('.');
  if (!payload || !tag || rest.length) throw invalidCursor();
  const given = Buffer.from(tag, 'base64url');
  const expected = cursorMac(scope, payload);
  // Re-encoding rejects tags that decode to the same bytes through characters base64url ignores.
  if (given.length !== expected.length || given.toString('base64url') !== tag || !timingSafeEqual(given, expected)) throw invalidCursor();
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
}

/** A DynamoDB LastEvaluatedKey as a signed cursor of the list `scope`, or null at the end. */
export function encodeCursor(key: Record<string, unknown> | undefined, scope: string): string | null {
  return key ? signCursor(key, scope) : null;
}

/** What the start key of one query looks like. */
export interface CursorShape {
  /** Exactly these attributes, each a non-empty string of at most 1024 characters. */
  attributes: string[];
  /** The attributes the query fixes (its partition key) and their values. */
  fixed: Record<string, string>;
  /** Attributes that must start with a prefix (the query's sort-key range). */
  prefixes?: Record<string, string>;
}

/**
 * Decodes a cursor of the list `scope` back into its ExclusiveStartKey. Beyond the signature, the key must have
 * the query's shape (defence in depth should the key leak): a cursor that is not both is a 400, never a 500 from
 * DynamoDB and never a way into another partition.
 */
export function decodeCursor(cursor: string | undefined, scope: string, shape: CursorShape): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const key = openCursor(cursor, scope);
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidCursor();
  const entries = Object.entries(key);
  if (entries.length !== shape.attributes.length) throw invalidCursor();
  for (const [k, v] of entries) if (!shape.attributes.includes(k) || typeof v !== 'string' || v.length === 0 || v.length > 1024) throw invalidCursor();
  const start = key as Record<string, string>;
  for (const [k, v] of Object.entries(shape.fixed)) if (start[k] !== v) throw invalidCursor();
  for (const [k, prefix] of Object.entries(shape.prefixes ?? {})) if (!start[k]!.startsWith(prefix)) throw invalidCursor();
  return start;
}
