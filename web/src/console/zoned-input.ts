/**
 * Wall-clock times in an edition's zone, as a datetime-local input holds them ("2024-06-21T00:00"), to and from ISO
 * instants: the organiser types Beijing time whatever zone their computer is in. Intl only (no date library): the
 * zone's offset at an instant is read from how Intl writes that instant there.
 */

const DAY_MS = 24 * 3600 * 1000;
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const formats = new Map<string, Intl.DateTimeFormat>();

function wallFormat(timeZone: string): Intl.DateTimeFormat {
  let found = formats.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formats.set(timeZone, found);
  }
  return found;
}

/** The fields of `ms` on the wall clocks of `timeZone`. */
function wallParts(ms: number, timeZone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  const parts = Object.fromEntries(wallFormat(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { year: parts.year ?? '', month: parts.month ?? '', day: parts.day ?? '', hour: parts.hour ?? '', minute: parts.minute ?? '', second: parts.second ?? '' };
}

/** How far `timeZone`'s clocks are ahead of UTC at the instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallParts(ms, timeZone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Whether Intl knows the IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    wallFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The instant `iso` as `timeZone`'s wall clock, in datetime-local form (seconds dropped). */
export function toZonedInput(iso: string, timeZone: string): string {
  const p = wallParts(Date.parse(iso), timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * The instant at which `timeZone`'s clocks show `wall` (datetime-local form), as ISO in UTC; undefined when `wall` is
 * not such a time. A time shown twice (clocks going back) is the first of the two; a time skipped (clocks going
 * forward) is read with the offset before the change, so 02:30 becomes 03:30.
 */
export function fromZonedInput(wall: string, timeZone: string): string | undefined {
  const m = WALL.exec(wall);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(guess).getUTCDate() !== day || hour > 23 || minute > 59) return undefined;
  // A zone changes its offset at most once in a day or so: the offsets a day before and a day after are the candidates.
  const before = guess - offsetAt(guess - DAY_MS, timeZone);
  const after = guess - offsetAt(guess + DAY_MS, timeZone);
  const shown = [before, after].filter((ms) => toZonedInput(new Date(ms).toISOString(), timeZone) === wall);
  return new Date(shown.length ? Math.min(...shown) : before).toISOString();
}
