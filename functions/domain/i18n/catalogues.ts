/**
 * The languages of the product and their catalogues. Adding one: its catalogue file (typed like zh-CN.ts) and one
 * entry in LOCALES and CATALOGUES. Formatting is a plain `{name}` substitution for now: no text needs plurals or
 * number formats yet, and a MessageFormat library would cost every function its load time (Intl.PluralRules is
 * built in when one does).
 */
import type { CaseFieldName, CaseStatus, CaseType, CategoryId, ContentType, Criterion, Decision, EditionStatus, RejectionCode } from '../vocabulary.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { MessageKey } from './en.ts';

/** The first is the default: what a caller gets who asks for nothing we speak. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/**
 * What must have a label: every id of the vocabulary the API shows. One without fails the build, as does a problem code
 * without a title (errors.ts reads `problem.<code>.title` from en.ts, which imports nothing so that it can).
 */
type Labelled = Record<
  | `category.${CategoryId}`
  | `caseType.${CaseType}`
  | `criterion.${Criterion}`
  | `criterion.${Criterion}.guidance`
  | `decision.${Decision}`
  | `caseStatus.${CaseStatus}`
  | `editionStatus.${EditionStatus}`
  | `caseField.${CaseFieldName}`
  | `rejection.${RejectionCode}`
  | `fileKind.${ContentType}`,
  string
>;

export const CATALOGUES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en: en satisfies Labelled, 'zh-CN': zhCN };

type Params = Readonly<Record<string, string | number>>;

/**
 * A text not yet in a language: a key, and params that may themselves be texts (a thing a detail names). Problems
 * carry these, and become words in the one place they become an answer (shared/http.ts).
 */
export interface Message {
  key: MessageKey;
  params?: Readonly<Record<string, string | number | Message>>;
}

/** `text` with each `{name}` replaced by params[name]; a placeholder without a value stays as written. */
export const format = (text: string, params: Params = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));

/** The text of `key` in `locale`, its placeholders filled from `params`. */
export const t = (locale: Locale, key: MessageKey, params?: Params): string => format(CATALOGUES[locale][key], params);

/** Whether `s` is a key of the catalogues (a check's message is one: domain/schema-kit.ts). */
export const isMessageKey = (s: string): s is MessageKey => Object.hasOwn(en, s);

/** The texts of field problems: a check of a request schema names one as its message (domain/schema-kit.ts). */
export type FieldKey = Extract<MessageKey, `field.${string}`>;
/** The codes whose field problems have their own text, `field.<code>` (zod's own issues aside). */
export type FieldCode = Exclude<FieldKey extends `field.${infer C}` ? C : never, `zod.${string}`>;

/** `message` in `locale`, its params that are texts first. */
export const render = (locale: Locale, message: Message): string =>
  t(locale, message.key, message.params && Object.fromEntries(Object.entries(message.params).map(([k, v]) => [k, typeof v === 'object' ? render(locale, v) : v])));
