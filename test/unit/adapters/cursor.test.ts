import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, openCursor, signCursor } from '#adapters/cursor';
import { AppError } from '#domain/errors';

describe('cursors', () => {
  const scope = 'owner-cases:OWNER#ann';
  const shape = { attributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'], fixed: { gsi1pk: 'OWNER#ann' }, prefixes: { gsi1sk: 'CASE#' } };
  const key = { pk: 'CASE#1', sk: 'CASE', gsi1pk: 'OWNER#ann', gsi1sk: 'CASE#1' };
  const unsigned = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const mine = encodeCursor(key, scope)!;
  const [payload, tag] = mine.split('.') as [string, string];
  /** A payload of the caller's own partition, with the tag of a genuine cursor: what a forger can make without the key. */
  const tampered = (v: unknown) => `${unsigned(v)}.${tag}`;

  it('round-trips a key of the same list', () => {
    expect(decodeCursor(mine, scope, shape)).toEqual(key);
    expect(decodeCursor(undefined, scope, shape)).toBeUndefined();
    expect(encodeCursor(undefined, scope)).toBeNull();
  });

  it('is signed: the same key signed for another list, or with another key, is another cursor', () => {
    expect(encodeCursor(key, 'owner-cases:OWNER#ben')).not.toBe(mine);
    expect(openCursor(signCursor({ p: [0, 1] }, 'x'), 'x')).toEqual({ p: [0, 1] });
  });

  it.each([
    ['an unsigned cursor of the old format', unsigned(key)],
    ['a junk sort key under the genuine tag', tampered({ ...key, gsi1sk: 'junk' })],
    ['an empty sort key under the genuine tag', tampered({ ...key, gsi1sk: '' })],
    ['another partition under the genuine tag', tampered({ ...key, gsi1pk: 'OWNER#ben' })],
    ['an extra attribute under the genuine tag', tampered({ ...key, x: '1' })],
    ['a genuine cursor of another list', encodeCursor(key, 'owner-cases:OWNER#ben')!],
    ['a genuine payload with a tag cut short', `${payload}.${tag.slice(0, -2)}`],
    ['a genuine payload with a tag padded by characters base64url ignores', `${payload}.${tag}==`],
    ['a genuine cursor with a third part', `${mine}.x`],
    ['no tag', `${payload}.`],
    ['garbage', '%%%'],
  ])('refuses %s with 400 validation-failed (invalid-cursor)', (_, cursor) => {
    const err = (() => {
      try {
        decodeCursor(cursor, scope, shape);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'validation-failed', status: 400, errors: [{ path: 'query.cursor', code: 'invalid-cursor' }] });
  });

  it.each([
    ['a sort key outside the prefix', { ...key, gsi1sk: 'EDITION#1' }],
    ['an empty sort key', { ...key, gsi1sk: '' }],
    ['another partition', { ...key, gsi1pk: 'OWNER#ben' }],
    ['an extra attribute', { ...key, x: '1' }],
    ['a missing attribute', { pk: key.pk, sk: key.sk, gsi1pk: key.gsi1pk }],
    ['a non-string value', { ...key, sk: 5 }],
    ['an over-long value', { ...key, pk: 'x'.repeat(1025) }],
    ['an array', [1]],
    ['null', null],
  ])('refuses a signed cursor whose key has the wrong shape: %s', (_, v) => {
    // Signed with the stage key (as if the key leaked, or a bug issued it): the shape checks still hold.
    expect(() => decodeCursor(signCursor(v, scope), scope, shape)).toThrow(AppError);
  });
});
