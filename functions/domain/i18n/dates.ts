/**
 * Instants as a reader of the e-mails reads them: in a time zone, in their language, with the zone named
 * ("24:00, 20 June 2024 (Beijing time)", "2024年6月20日 24:00（北京时间）"). Month names and the order of the date
 * are Intl's (Node has full ICU); the wording around them is the catalogue's (time.*).
 */
import { t, type Locale } from './catalogues.ts';

/** The catalogue keys an instant is worded with: every catalogue that has them can word one (the web app's does). */
export type TimeKey = 'time.at' | 'time.intlLocale' | 'time.zone.beijing' | 'time.zone.utc' | 'time.zone.other';
export type TimeWords = (key: TimeKey, params?: Readonly<Record<string, string>>) => string;

/** Zones with a name of their own; any other is named by its IANA id (time.zone.other). */
const ZONE_NAMES: Readonly<Partial<Record<string, TimeKey>>> = { 'Asia/Shanghai': 'time.zone.beijing', UTC: 'time.zone.utc' };

/** Made on first use, one per zone and per language and zone: building a DateTimeFormat costs more than using one. */
const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const clockIn = (timeZone: string) =>
  cached(clockFormats, timeZone, () => new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' }));

const dateIn = (intlLocale: string, timeZone: string) =>
  cached(dateFormats, `${intlLocale} ${timeZone}`, () => new Intl.DateTimeFormat(intlLocale, { timeZone, year: 'numeric', month: 'long', day: 'numeric' }));

/**
 * `iso` in `timeZone`, in the words `words` gives. An instant exactly at local midnight is 24:00 of the day before, as
 * the call writes its deadlines; any other is HH:MM of its own day, the seconds cut off (never rounded up into the
 * next minute): 23:59:59 is 23:59, and 00:00:01 is 00:00 of the new day.
 */
export function zonedTimeIn(words: TimeWords, iso: string, timeZone: string): string {
  const at = new Date(iso);
  const clock = Object.fromEntries(clockIn(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const midnight = clock.hour === '00' && clock.minute === '00' && clock.second === '00' && at.getUTCMilliseconds() === 0;
  const day = midnight ? new Date(at.getTime() - 1) : at;
  const named = ZONE_NAMES[timeZone];
  return words('time.at', {
    time: midnight ? '24:00' : `${clock.hour}:${clock.minute}`,
    date: dateIn(words('time.intlLocale'), timeZone).format(day),
    zone: named ? words(named) : words('time.zone.other', { zone: timeZone }),
  });
}

/** `iso` in `timeZone`, worded for `locale` from the API's catalogues. */
export const zonedTime = (locale: Locale, iso: string, timeZone: string): string => zonedTimeIn((key, params) => t(locale, key, params), iso, timeZone);
