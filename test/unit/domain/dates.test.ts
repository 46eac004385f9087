/** Times in the e-mails: the edition's zone, the reader's language, midnight as 24:00 of the day before. */
import { describe, expect, it } from 'vitest';
import { zonedTime } from '#domain/i18n/dates';

const beijing = (iso: string) => [zonedTime('en', iso, 'Asia/Shanghai'), zonedTime('zh-CN', iso, 'Asia/Shanghai')];

describe('an instant in the edition time zone', () => {
  it('writes the deadline instant, local midnight, as 24:00 of the day before, in both languages', () => {
    expect(beijing('2024-06-20T16:00:00.000Z')).toEqual(['24:00, 20 June 2024 (Beijing time)', '2024年6月20日 24:00（北京时间）']);
  });

  it('cuts the seconds off: the second before is 23:59, any instant after midnight is 00:00 of the next day', () => {
    expect(beijing('2024-06-20T15:59:59.999Z')).toEqual(['23:59, 20 June 2024 (Beijing time)', '2024年6月20日 23:59（北京时间）']);
    expect(beijing('2024-06-20T15:59:59.000Z')).toEqual(['23:59, 20 June 2024 (Beijing time)', '2024年6月20日 23:59（北京时间）']);
    expect(beijing('2024-06-20T16:00:00.001Z')).toEqual(['00:00, 21 June 2024 (Beijing time)', '2024年6月21日 00:00（北京时间）']);
    expect(beijing('2024-06-20T16:00:01.000Z')).toEqual(['00:00, 21 June 2024 (Beijing time)', '2024年6月21日 00:00（北京时间）']);
    expect(beijing('2024-06-20T16:01:00.000Z')).toEqual(['00:01, 21 June 2024 (Beijing time)', '2024年6月21日 00:01（北京时间）']);
  });

  it('ends a year at 24:00 on 31 December, and a leap February on the 29th', () => {
    expect(beijing('2024-12-31T16:00:00.000Z')).toEqual(['24:00, 31 December 2024 (Beijing time)', '2024年12月31日 24:00（北京时间）']);
    expect(beijing('2024-12-31T16:00:01.000Z')).toEqual(['00:00, 1 January 2025 (Beijing time)', '2025年1月1日 00:00（北京时间）']);
    expect(beijing('2024-02-29T16:00:00.000Z')[0]).toBe('24:00, 29 February 2024 (Beijing time)');
  });

  it('names UTC, and any other zone by its IANA id, with its own midnight and summer time', () => {
    expect(zonedTime('en', '2024-06-21T00:00:00.000Z', 'UTC')).toBe('24:00, 20 June 2024 (UTC)');
    expect(zonedTime('zh-CN', '2024-06-20T16:00:00.000Z', 'UTC')).toBe('2024年6月20日 16:00（UTC）');
    // Paris is UTC+2 in June: its midnight is 22:00Z.
    expect(zonedTime('en', '2024-06-20T22:00:00.000Z', 'Europe/Paris')).toBe('24:00, 20 June 2024 (Europe/Paris time)');
    expect(zonedTime('zh-CN', '2024-06-20T16:00:00.000Z', 'Europe/Paris')).toBe('2024年6月20日 18:00（Europe/Paris 时间）');
    expect(zonedTime('en', '2024-01-15T03:30:00.000Z', 'America/New_York')).toBe('22:30, 14 January 2024 (America/New_York time)');
  });
});
