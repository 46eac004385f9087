/** Which of our languages a request gets, from its Accept-Language (RFC 9110, 12.5.4). */
import { DEFAULT_LOCALE, type Locale } from './catalogues.ts';

/** A weight: 0 to 1 with at most three decimals (RFC 9110, 12.4.2). */
const WEIGHT = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;
/** A header is read this far: a real one names a handful of languages. */
const MAX_RANGES = 32;

/** The locale a language range asks for, undefined for one we do not speak. Simplified Chinese: zh, and zh in China, Singapore or Hans script. */
function localeOfRange(range: string): Locale | undefined {
  const [primary, second] = range.toLowerCase().split('-');
  if (primary === '*') return DEFAULT_LOCALE;
  if (primary === 'en') return 'en';
  if (primary === 'zh' && (second === undefined || second === 'cn' || second === 'sg' || second === 'hans')) return 'zh-CN';
  return undefined;
}

/**
 * The locale of one language tag, such as an account's `locale` attribute ("zh-CN", "zh_CN", "en-GB"), or
 * undefined for a language we do not speak.
 */
export const localeOfTag = (tag: string): Locale | undefined =>
  /^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/.test(tag) ? localeOfRange(tag.replace(/_/g, '-')) : undefined;

/** The highest-weighted range we speak, the first of equals; weight 0 refuses. Malformed entries are skipped; nothing usable gives English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  let best: { locale: Locale; q: number } | undefined;
  for (const entry of (acceptLanguage ?? '').split(',').slice(0, MAX_RANGES)) {
    const [range = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!/^(?:\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)$/.test(range)) continue;
    const weight = params.length === 0 ? '1' : params.length === 1 ? WEIGHT.exec(params[0]!)?.[1] : undefined;
    if (weight === undefined) continue;
    const q = Number(weight);
    const locale = localeOfRange(range);
    if (locale && q > 0 && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
