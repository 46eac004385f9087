import { describe, expect, it } from 'vitest';
import { fromZonedInput, isTimeZone, toZonedInput } from '../../../web/src/console/zoned-input.ts';

describe('zoned datetime-local values', () => {
  it('reads Beijing wall time as the instant it is, whatever zone the machine is in', () => {
    // 24:00 on 20 June in Beijing, typed as 00:00 on the 21st, is 16:00 UTC on the 20th.
    expect(fromZonedInput('2024-06-21T00:00', 'Asia/Shanghai')).toBe('2024-06-20T16:00:00.000Z');
    expect(toZonedInput('2024-06-20T16:00:00.000Z', 'Asia/Shanghai')).toBe('2024-06-21T00:00');
    expect(toZonedInput('2024-06-20T16:00:00.000Z', 'UTC')).toBe('2024-06-20T16:00');
  });

  it('round-trips through zones with summer time', () => {
    for (const iso of ['2024-01-15T09:30:00.000Z', '2024-07-15T09:30:00.000Z']) {
      for (const zone of ['Europe/London', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata']) {
        expect(fromZonedInput(toZonedInput(iso, zone), zone)).toBe(iso);
      }
    }
    expect(fromZonedInput('2024-07-01T12:00', 'Europe/London')).toBe('2024-07-01T11:00:00.000Z');
  });

  it('takes the first of a time shown twice and moves a skipped time forward', () => {
    // London, 27 October 2024: 01:30 happens in BST, then again in GMT.
    expect(fromZonedInput('2024-10-27T01:30', 'Europe/London')).toBe('2024-10-27T00:30:00.000Z');
    // London, 31 March 2024: 01:30 does not happen; read with GMT, it is 02:30 BST.
    expect(fromZonedInput('2024-03-31T01:30', 'Europe/London')).toBe('2024-03-31T01:30:00.000Z');
  });

  it('refuses what is not a wall time, and tells a zone from a typo', () => {
    for (const wall of ['', '2024-02-30T10:00', '2024-06-21', '2024-06-21T24:00', 'tomorrow']) expect(fromZonedInput(wall, 'Asia/Shanghai')).toBeUndefined();
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Asia/Beijing')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
