import { describe, expect, it } from 'vitest';
import { parseIfMatch, problemBody } from '#shared/http';
import { parseGroups } from '#shared/auth';

describe('If-Match', () => {
  it.each([
    ['"3"', 3], ['3', 3], ['W/"3"', 3], ['*', '*'], ['"abc"', -1], ['"3", "4"', -1],
  ] as const)('%s → %s', (h, v) => expect(parseIfMatch(h)).toBe(v));
  it('is undefined when absent', () => expect(parseIfMatch(undefined)).toBeUndefined());
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
