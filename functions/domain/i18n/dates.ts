/**
 * Instants as a reader of the e-mails reads them: in a time zone, in their language, with the zone named
 * ("24:00, 20 June 2024 (Beijing time)", "2024年6月20日 24:00（北京时间）"). Month names and the order of the date
 * are Intl's (Node has full ICU); the wording around them is the catalogue's (time.*).
 */
import { t, type Locale, type MessageKey } from './catalogues.ts';

/** Zones with a name of their own; any other is named by its IANA id (time.zone.other). */
const ZONE_NAMES: Readonly<Partial<Record<string, MessageKey>>> = { 'Asia/Shanghai': 'time.zone.beijing', UTC: 'time.zone.utc' };

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

const dateIn = (locale: Locale, timeZone: string) =>
  cached(dateFormats, `${locale} ${timeZone}`, () => new Intl.DateTimeFormat(t(locale, 'time.intlLocale'), { timeZone, year: 'numeric', month: 'long', day: 'numeric' }));

/**
 * `iso` in `timeZone`, worded for `locale`. An instant exactly at local midnight is 24:00 of the day before, as the
 * call writes its deadlines; any other is HH:MM of its own day, the seconds cut off (never rounded up into the next
 * minute): 23:59:59 is 23:59, and 00:00:01 is 00:00 of the new day.
 */
export function zonedTime(locale: Locale, iso: string, timeZone: string): string {
  const at = new Date(iso);
  const clock = Object.fromEntries(clockIn(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  const midnight = clock.hour === '00' && clock.minute === '00' && clock.second === '00' && at.getUTCMilliseconds() === 0;
  const day = midnight ? new Date(at.getTime() - 1) : at;
  const named = ZONE_NAMES[timeZone];
  return t(locale, 'time.at', {
    time: midnight ? '24:00' : `${clock.hour}:${clock.minute}`,
    date: dateIn(locale, timeZone).format(day),
    zone: named ? t(locale, named) : t(locale, 'time.zone.other', { zone: timeZone }),
  });
}
