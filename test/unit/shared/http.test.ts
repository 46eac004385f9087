import { describe, expect, it } from 'vitest';
import { fixedProblemBody, parseIfMatch, problemBody } from '#shared/http';
import { parseGroups } from '#shared/auth';

describe('If-Match', () => {
  it.each([
    ['"3"', 3], ['3', 3], ['W/"3"', 3], ['*', '*'], ['"abc"', -1], ['"3", "4"', -1],
  ] as const)('%s → %s', (h, v) => expect(parseIfMatch(h)).toBe(v));
  it('is undefined when absent', () => expect(parseIfMatch(undefined)).toBeUndefined());
});

describe('problem details', () => {
  it('carries type, title, status and the stable code', () => {
    expect(problemBody('deadline-passed', { key: 'detail.edition-closed', params: { at: '2024-06-20T16:00:00.000Z' } })).toEqual({
      type: 'https://practice-cases.dev/problems/deadline-passed',
      title: 'The deadline has passed',
      status: 409,
      code: 'deadline-passed',
      detail: 'The edition closed at 2024-06-20T16:00:00.000Z.',
    });
  });

  it('words the title, the detail and the field messages in the language asked for, with the same code and paths', () => {
    const errors = [{ path: 'countries', code: 'min-countries', message: { key: 'field.min-countries', params: { min: 2 } } } as const];
    expect(problemBody('not-eligible', { key: 'detail.case-not-ready' }, errors, undefined, 'zh-CN')).toMatchObject({
      title: '案例不符合征集要求',
      code: 'not-eligible',
      detail: '该案例尚不能提交。',
      errors: [{ path: 'countries', code: 'min-countries', message: '至少需要 2 个不同的国家或地区' }],
    });
  });

  it('answered from a fixed template, is English with the other languages in `translations`', () => {
    expect(fixedProblemBody('unauthorized', { key: 'detail.token-expired' })).toEqual({
      type: 'https://practice-cases.dev/problems/unauthorized',
      title: 'Sign-in required',
      status: 401,
      code: 'unauthorized',
      detail: 'The token has expired.',
      translations: { 'zh-CN': { title: '请先登录', detail: '令牌已过期。' } },
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
