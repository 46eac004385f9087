/**
 * The app's languages: the API's own list and `{name}` formatting (functions/domain/i18n, pure and bundled without its
 * catalogues), the app's catalogues, the remembered choice, and dates and country names through the built-in Intl.
 */
import { DEFAULT_LOCALE, format, LOCALES, type Locale } from '../../../functions/domain/i18n/catalogues.ts';
import { zonedTimeIn } from '../../../functions/domain/i18n/dates.ts';
import { localeOfTag } from '../../../functions/domain/i18n/negotiate.ts';
import { en, type WebMessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export { LOCALES, type Locale };
export type { WebMessageKey };

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<WebMessageKey, string>>>> = { en, 'zh-CN': zhCN };

export type Params = Readonly<Record<string, string | number>>;
export type Translate = (key: WebMessageKey, params?: Params) => string;

export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    format(CATALOGUES[locale][key], params);

const STORAGE_KEY = 'practice-cases.locale';

const isLocale = (value: unknown): value is Locale => (LOCALES as readonly unknown[]).includes(value);

/** The language chosen on this device before, else the first of the browser's languages we speak, else English. */
export function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  for (const tag of navigator.languages) {
    const locale = localeOfTag(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** Remembers the choice on this device and tells the page's readers (and screen readers) which language it is in. */
export function applyLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

/** The other language: the switch offers it (two languages for now). */
export const otherLocale = (locale: Locale): Locale => LOCALES.find((l) => l !== locale) ?? DEFAULT_LOCALE;

/**
 * `iso` in `timeZone` as the call writes its deadlines: an instant at local midnight is 24:00 of the day before
 * ("24:00, 20 June 2024 (Beijing time)"), worded as the e-mails word it (functions/domain/i18n/dates.ts) with this
 * catalogue's time.* texts.
 */
export const zonedTime = (t: Translate, iso: string, timeZone: string): string => zonedTimeIn(t, iso, timeZone);

/** `iso` in the viewer's own zone, with the zone as Intl names it. */
export const localTime = (t: Translate, iso: string): string =>
  t('time.local', { time: new Intl.DateTimeFormat(t('time.intlLocale'), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso)) + ` (${Intl.DateTimeFormat().resolvedOptions().timeZone})` });

/** The call counts these as regions, not countries (functions/domain/countries.ts); their names say so. */
const REGIONS: ReadonlySet<string> = new Set(['HK', 'MO', 'TW']);

const regionNames = new Map<Locale, Intl.DisplayNames>();

/** The name of an ISO 3166-1 alpha-2 code in `locale`, HK, MO and TW marked as regions. */
export function countryName(locale: Locale, t: Translate, code: string): string {
  let names = regionNames.get(locale);
  if (!names) regionNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' })));
  const name = names.of(code) ?? code;
  return REGIONS.has(code) ? t('country.region', { name }) : name;
}
