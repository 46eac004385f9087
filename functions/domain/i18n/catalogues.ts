/**
 * The languages of the product and their catalogues. Adding one: its catalogue file (typed like zh-CN.ts) and one
 * entry in LOCALES and CATALOGUES. Formatting is a plain `{name}` substitution for now: no text needs plurals or
 * number formats yet, and a MessageFormat library would cost every function its load time (Intl.PluralRules is
 * built in when one does).
 */
import type { ProblemCode } from '../errors.ts';
import type { CaseStatus, CaseType, CategoryId, Criterion, Decision, EditionStatus } from '../vocabulary.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { MessageKey } from './en.ts';

/** The first is the default: what a caller gets who asks for nothing we speak. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/** What must have a label: every id of the vocabulary the API shows, and every problem code. One without fails the build. */
type Labelled = Record<
  | `category.${CategoryId}`
  | `caseType.${CaseType}`
  | `criterion.${Criterion}`
  | `decision.${Decision}`
  | `caseStatus.${CaseStatus}`
  | `editionStatus.${EditionStatus}`
  | `problem.${ProblemCode}.title`,
  string
>;

export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: en satisfies Labelled, 'zh-CN': zhCN };

type Params = Readonly<Record<string, string | number>>;

/** `text` with each `{name}` replaced by params[name]; a placeholder without a value stays as written. */
export const format = (text: string, params: Params = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));

/** The text of `key` in `locale`, its placeholders filled from `params`. */
export const t = (locale: Locale, key: MessageKey, params?: Params): string => format(CATALOGUES[locale][key], params);
