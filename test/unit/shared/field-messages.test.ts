/**
 * Field problems are worded from the catalogues (shared/http.ts, fieldProblems): zod's own issues in the words of
 * zod's English locale, so that English reads exactly as it did when zod worded them, and in Chinese otherwise.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { render } from '#domain/i18n/catalogues';
import { CaseCreateInput } from '#domain/case-input';
import { fieldProblems } from '#shared/http';

const CJK = /[\u4e00-\u9fff]/;

/** One check of each kind zod has, a value that fails it, and the schemas' own keyed checks. */
const schema = z.strictObject({
  long: z.string().check(z.maxLength(3)),
  short: z.string().check(z.minLength(2)),
  exact: z.string().check(z.length(2)),
  few: z.array(z.number()).check(z.minLength(1)),
  many: z.array(z.number()).check(z.maxLength(1)),
  big: z.number().check(z.lte(5)),
  small: z.number().check(z.gte(1)),
  above: z.number().check(z.gt(0)),
  below: z.number().check(z.lt(10)),
  int: z.int(),
  type: z.string(),
  missing: z.string(),
  nan: z.coerce.number(),
  array: z.object({}),
  option: z.enum(['a', 'b']),
  literal: z.literal('x'),
  email: z.email(),
  url: z.url(),
  date: z.iso.date(),
  datetime: z.iso.datetime(),
  pattern: z.string().check(z.regex(/^a+$/)),
  multiple: z.number().check(z.multipleOf(2)),
  key: z.record(z.string().check(z.regex(/^k/)), z.string()),
  union: z.union([z.string(), z.number()]),
  custom: z.string().check(z.refine(() => false)),
});

const input = {
  long: 'abcd', short: 'a', exact: 'abc', few: [], many: [1, 2], big: 6, small: 0, above: 0, below: 10, int: 1.5, type: 3,
  nan: 'abc', array: [], option: 'c', literal: 'y', email: 'no', url: 'no', date: '2024-13-01', datetime: 'no', pattern: 'b',
  multiple: 3, key: { x: 'y' }, union: true, custom: 'c',
};

beforeAll(() => {
  // zod/mini words nothing of its own (schema-kit.ts): its English locale here, for the comparison only.
  z.config(en());
});

describe('field problems from zod issues', () => {
  it("words every kind of zod issue in English exactly as zod's English locale does, and in Chinese", () => {
    const parsed = schema.safeParse(input, { reportInput: true });
    expect(parsed.success).toBe(false);
    const issues = parsed.error!.issues;
    const problems = fieldProblems(parsed.error!, undefined, input);
    expect(problems).toHaveLength(issues.length);
    expect(problems.length).toBeGreaterThanOrEqual(Object.keys(schema.shape).length);
    problems.forEach((p, i) => {
      expect(render('en', p.message), p.path).toBe(issues[i]!.message);
      expect(render('zh-CN', p.message), p.path).toMatch(CJK);
    });
    expect(problems.find((p) => p.path === 'missing')).toMatchObject({ code: 'required' });
  });

  it("words a schema's own checks from their keys, with their params", () => {
    const bad = { title: 'a\u0007', countries: ['CN', 'CN'], contact: { phone: 'letters' } };
    const parsed = CaseCreateInput.safeParse(bad, { reportInput: true });
    const problems = fieldProblems(parsed.error!, undefined, bad).map((p) => ({ path: p.path, code: p.code, en: render('en', p.message), zh: render('zh-CN', p.message) }));
    expect(problems).toEqual([
      { path: 'title', code: 'control-character', en: 'No control characters, tabs or line breaks in this field', zh: '此字段不能包含控制字符、制表符或换行符' },
      { path: 'countries.1', code: 'duplicate-country', en: 'CN is listed twice', zh: 'CN 重复列出' },
      { path: 'contact.phone', code: 'invalid-format', en: 'A phone number: digits, spaces, + ( ) . - /', zh: '电话号码：只能包含数字、空格及 + ( ) . - /' },
    ]);
  });
});

describe('the checks of the request schemas', () => {
  it('name a catalogue key (says, withCode, customIssue), never a text that would be English in every language', () => {
    const root = join(import.meta.dirname, '../../../functions');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.includes('i18n') && !f.endsWith('.generated.ts'));
    expect(files.length).toBeGreaterThan(50);
    const worded = /addIssue\(\s*\{|z\.(?:regex|refine|superRefine|minLength|maxLength|length|gte|lte|gt|lt|email|url|int|enum|literal)\((?:[^()]|\([^()]*\))*,\s*['"`]/;
    const offenders = files.flatMap((f) =>
      readFileSync(join(root, f), 'utf8')
        .split('\n')
        .map((line, i) => [`${f}:${i + 1}`, line] as const)
        .filter(([, line]) => worded.test(line)),
    );
    expect(offenders.map(([where]) => where)).toEqual([]);
    expect(worded.test("z.regex(/^a$/, 'A ULID')") && worded.test("ctx.addIssue({ code: 'custom' })")).toBe(true);
  });
});
