import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, parseIfMatch, problemBody } from '#shared/http';
import { parseGroups } from '#shared/auth';
import { AppError } from '#domain/errors';

describe('If-Match', () => {
  it.each([
    ['"3"', 3], ['3', 3], ['W/"3"', 3], ['*', '*'], ['"abc"', -1], ['"3", "4"', -1],
  ] as const)('%s → %s', (h, v) => expect(parseIfMatch(h)).toBe(v));
  it('is undefined when absent', () => expect(parseIfMatch(undefined)).toBeUndefined());
});

describe('cursors', () => {
  const attrs = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
  const key = { pk: 'CASE#1', sk: 'CASE', gsi1pk: 'OWNER#ann', gsi1sk: 'CASE#1' };

  it('round-trips a key of the same query', () => {
    expect(decodeCursor(encodeCursor(key)!, attrs, { gsi1pk: 'OWNER#ann' })).toEqual(key);
    expect(encodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['another partition', encodeCursor({ ...key, gsi1pk: 'OWNER#ben' })!],
    ['an extra attribute', encodeCursor({ ...key, x: '1' })!],
    ['a non-string value', encodeCursor({ ...key, sk: 5 })!],
    ['an array', Buffer.from('[1]').toString('base64url')],
    ['garbage', '%%%'],
  ])('refuses %s with validation-failed', (_, cursor) => {
    expect(() => decodeCursor(cursor, attrs, { gsi1pk: 'OWNER#ann' })).toThrow(AppError);
  });
});

describe('problem details', () => {
  it('carries type, title, status and the stable code', () => {
    expect(problemBody('deadline-passed', 'Closed at 16:00Z')).toEqual({
      type: 'https://practice-cases.dev/problems/deadline-passed',
      title: 'The deadline has passed',
      status: 409,
      code: 'deadline-passed',
      detail: 'Closed at 16:00Z',
    });
  });
});

describe('Cognito groups claim', () => {
  it.each([
    ['organisers', ['organisers']],
    ['[organisers reviewers]', ['organisers', 'reviewers']],
    ['organisers,reviewers', ['organisers', 'reviewers']],
    [['reviewers'], ['reviewers']],
    ['admins', []],
    [undefined, []],
  ] as const)('%s → %s', (raw, groups) => expect(parseGroups(raw)).toEqual(groups));
});
