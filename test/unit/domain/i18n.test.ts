import { describe, expect, it } from 'vitest';
import { CATALOGUES, format, LOCALES, t, type MessageKey } from '#domain/i18n/catalogues';
import { negotiateLocale } from '#domain/i18n/negotiate';
import { zhCN } from '#domain/i18n/zh-CN';
import { PROBLEM_STATUS } from '#domain/errors';

/** The names a text fills in, each once: a translation may name one more or fewer times than English does. */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('catalogues', () => {
  const keys = Object.keys(CATALOGUES.en) as MessageKey[];

  it.each(LOCALES)('%s has every English key and no other', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual([...keys].sort());
  });

  it('is typed so that a missing or an extra key fails the build (npm test runs tsc)', () => {
    // @ts-expect-error a catalogue without every English key
    const missing: typeof zhCN = { 'caseType.other': '其他' };
    // @ts-expect-error a catalogue with a key English does not have
    const extra: typeof zhCN = { ...zhCN, 'caseType.unknown': '未知' };
    expect([missing, extra]).toHaveLength(2);
  });

  it.each(LOCALES)('%s has no empty text, and the same {placeholders} as English in each', (locale) => {
    for (const key of keys) {
      const text = CATALOGUES[locale][key];
      expect(text.trim(), `${locale} ${key}`).not.toBe('');
      expect(placeholders(text), `${locale} ${key}`).toEqual(placeholders(CATALOGUES.en[key]));
    }
  });

  it('titles every problem code in every language, in its own words', () => {
    for (const code of Object.keys(PROBLEM_STATUS) as (keyof typeof PROBLEM_STATUS)[]) {
      expect(t('zh-CN', `problem.${code}.title`)).not.toBe(t('en', `problem.${code}.title`));
    }
    expect(t('zh-CN', 'problem.deadline-passed.title')).toBe('已过截止时间');
    expect(t('en', 'category.cybersecurity')).toBe('Cybersecurity Maintenance');
  });

  it('fills {placeholders}, each time named, leaving one without a value (or an inherited name) as written', () => {
    expect(format('{what} ({what}), {missing}, {toString}, {n}', { what: 'a fair', n: 3 })).toBe('a fair (a fair), {missing}, {toString}, 3');
    expect(format('截止于 {deadline}', { deadline: '2024年6月20日' })).toBe('截止于 2024年6月20日');
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['zh-TW', 'en'],
    ['zh-Hant-HK', 'en'],
    ['*', 'en'],
  ] as const)('%s → %s', (header, locale) => expect(negotiateLocale(header)).toBe(locale));

  it.each([
    ['fr, zh;q=0.5', 'zh-CN', 'a language we do not speak is passed over'],
    ['en;q=0.4, zh-CN;q=0.8', 'zh-CN', 'the highest weight wins, wherever it stands'],
    ['zh-CN;q=0.3, en-US;q=0.9', 'en', 'the highest weight wins, wherever it stands'],
    ['zh-CN, en', 'zh-CN', 'equal weights: the first'],
    ['en, zh-CN', 'en', 'equal weights: the first'],
    ['zh;q=0.7, en;q=0.7', 'zh-CN', 'equal weights: the first'],
    ['zh;q=0, en;q=0.1', 'en', 'q=0 refuses'],
    ['en;q=0, zh', 'zh-CN', 'q=0 refuses'],
    ['en;q=0.000, zh;q=0.001', 'zh-CN', 'three decimals'],
    ['zh-CN,zh;q=0.9,en-US;q=0.8,en;q=0.7', 'zh-CN', "a browser's header"],
    ['  zh-CN ; q=0.9 ,en;q=0.5', 'zh-CN', 'spaces around the parts'],
    ['*;q=0.9, zh;q=0.5', 'en', 'the wildcard is the default'],
  ] as const)('%s → %s (%s)', (header, locale, _why) => expect(negotiateLocale(header)).toBe(locale));

  it.each([
    ['zh;q=2, en;q=0.5', 'en'],
    ['zh;q=0.5x, en;q=0.1', 'en'],
    ['zh;q=0.1234, en;q=0.1', 'en'],
    ['zh;q=, en;q=0.1', 'en'],
    ['zh;level=1, en;q=0.1', 'en'],
    ['zh;q=1;q=1, en;q=0.1', 'en'],
    ['zh_CN, en;q=0.1', 'en'],
    ['<script>, zh;q=0.2', 'zh-CN'],
    [',,;;,zh', 'zh-CN'],
    [';q=1', 'en'],
    ['zh-', 'en'],
    ['toolonglanguage', 'en'],
  ] as const)('skips the malformed entries of %s → %s', (header, locale) => expect(negotiateLocale(header)).toBe(locale));

  it('reads a long header only so far', () => {
    expect(negotiateLocale(`${'fr, '.repeat(100)}zh`)).toBe('en');
  });
});
