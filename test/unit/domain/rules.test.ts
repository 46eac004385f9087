import { describe, expect, it } from 'vitest';
import { acceptance, dateIn, editionStatus, readiness } from '#domain/rules';
import { DEFAULT_RULES } from '#domain/categories';
import type { CaseFields } from '#domain/case-input';
import { render } from '#domain/i18n/catalogues';
import { editableUntil } from '#domain/case';
import type { EditionRecord } from '#domain/edition';
import { completeFields } from '../../support/cases.ts';

const edition = { opensAt: '2024-05-01T00:00:00.000Z', deadline: '2024-06-20T16:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('editionStatus', () => {
  it.each([
    ['2024-04-30T23:59:59.999Z', 'upcoming'],
    ['2024-05-01T00:00:00.000Z', 'open'],
    ['2024-06-20T15:59:59.999Z', 'open'],
    ['2024-06-20T16:00:00.000Z', 'closed'],
  ])('at %s it is %s', (now, status) => {
    expect(editionStatus(edition, at(now))).toBe(status);
  });

  it('is closed from a manual close before the deadline', () => {
    const closed = { ...edition, closedAt: '2024-06-01T00:00:00.000Z' };
    expect(editionStatus(closed, at('2024-05-31T23:59:59.999Z'))).toBe('open');
    expect(editionStatus(closed, at('2024-06-01T00:00:00.000Z'))).toBe('closed');
  });

  it('is released once released, whatever the dates', () => {
    expect(editionStatus({ ...edition, releasedAt: '2024-11-20T00:00:00.000Z' }, at('2024-05-10T00:00:00.000Z'))).toBe('released');
  });
});

describe('acceptance', () => {
  it('refuses before opening with edition-not-open and after the deadline with deadline-passed', () => {
    expect(acceptance(edition, at('2024-04-30T00:00:00.000Z'))).toMatchObject({ ok: false, code: 'edition-not-open' });
    expect(acceptance(edition, at('2024-06-20T16:00:00.000Z'))).toMatchObject({ ok: false, code: 'deadline-passed' });
    expect(acceptance(edition, at('2024-06-20T15:59:59.999Z'))).toEqual({ ok: true, until: edition.deadline, viaExtension: false });
  });

  it('lets an extension holder in after the deadline, until the extension ends', () => {
    const ext = '2024-06-22T16:00:00.000Z';
    expect(acceptance(edition, at('2024-06-21T00:00:00.000Z'), ext)).toEqual({ ok: true, until: ext, viaExtension: true });
    // Before the deadline the later of the two counts; an extension earlier than the deadline changes nothing.
    expect(acceptance(edition, at('2024-06-01T00:00:00.000Z'), ext)).toEqual({ ok: true, until: ext, viaExtension: true });
    expect(acceptance(edition, at('2024-06-01T00:00:00.000Z'), '2024-06-10T00:00:00.000Z')).toEqual({ ok: true, until: edition.deadline, viaExtension: false });
    expect(acceptance(edition, at('2024-06-22T15:59:59.999Z'), ext)).toMatchObject({ ok: true });
    expect(acceptance(edition, at(ext), ext)).toMatchObject({ ok: false, code: 'deadline-passed' });
  });

  it('refuses everyone once released, extension or not', () => {
    const released = { ...edition, releasedAt: '2024-06-10T00:00:00.000Z' };
    expect(acceptance(released, at('2024-06-11T00:00:00.000Z'), '2024-07-01T00:00:00.000Z')).toMatchObject({ ok: false });
  });
});

describe('editableUntil (what the owner is told)', () => {
  const e = edition as EditionRecord;
  const draft = { status: 'draft' as const };
  const ext = { deadline: '2024-06-22T16:00:00.000Z' };
  it('is the deadline while open, the extension after it, and null when the owner may not change the case now', () => {
    expect(editableUntil(draft, e, undefined, at('2024-06-01T00:00:00.000Z'))).toBe(edition.deadline);
    expect(editableUntil(draft, e, ext, at('2024-06-21T00:00:00.000Z'))).toBe(ext.deadline);
    expect(editableUntil(draft, e, undefined, at('2024-06-21T00:00:00.000Z'))).toBeNull();
    expect(editableUntil(draft, e, ext, at(ext.deadline))).toBeNull();
    expect(editableUntil(draft, e, undefined, at('2024-04-30T00:00:00.000Z'))).toBeNull();
  });

  it('is null for a withdrawn or frozen case, extension or not', () => {
    const now = at('2024-06-01T00:00:00.000Z');
    expect(editableUntil({ status: 'withdrawn' }, e, ext, now)).toBeNull();
    expect(editableUntil({ status: 'submitted', decision: 'collection' }, e, ext, now)).toBeNull();
    expect(editableUntil({ status: 'submitted', notifiedAt: '2024-05-30T00:00:00.000Z' }, e, ext, now)).toBeNull();
    expect(editableUntil({ ...draft }, { ...e, releasedAt: '2024-05-31T00:00:00.000Z' }, ext, now)).toBeNull();
  });
});

describe('dateIn', () => {
  it('gives the calendar date in the time zone', () => {
    // 2024-06-19T20:00Z is already 20 June in Beijing.
    expect(dateIn('Asia/Shanghai', at('2024-06-19T20:00:00.000Z'))).toBe('2024-06-20');
    expect(dateIn('UTC', at('2024-06-19T20:00:00.000Z'))).toBe('2024-06-19');
  });
});

const complete: CaseFields = { ...completeFields, countries: [...completeFields.countries] };
const now = at('2024-06-01T00:00:00.000Z');
const check = (c: CaseFields, when = now) => readiness(c, DEFAULT_RULES, 'Asia/Shanghai', when);
const codes = (c: CaseFields, when = now) => check(c, when).problems.map((p) => `${p.path}:${p.code}`);

describe('readiness', () => {
  it('is ready when every rule holds', () => {
    expect(check(complete)).toEqual({ ready: true, problems: [] });
  });

  it('lists every missing required field at once', () => {
    expect(codes({})).toEqual([
      'title:required', 'category:required', 'caseType:required', 'summary:required', 'description:required',
      'implementedOn:required', 'countries:required', 'organisation:required', 'contact:required',
    ]);
  });

  it('takes the title and the summary in either language, or both', () => {
    const { title: _title, summary: _summary, ...rest } = complete;
    expect(check({ ...rest, titleZh: '联合培训', summaryZh: '两个组织联合开展培训。' })).toEqual({ ready: true, problems: [] });
    expect(check({ ...rest, title: 'Joint training', summaryZh: '两个组织联合开展培训。' }).ready).toBe(true);
    expect(check({ ...complete, titleZh: '联合培训', summaryZh: '两个组织联合开展培训。' }).ready).toBe(true);
  });

  it('asks for a title and a summary, in either language, under title and summary', () => {
    const { title: _title, summary: _summary, ...rest } = complete;
    expect(codes(rest)).toEqual(['title:required', 'summary:required']);
    expect(codes({ ...rest, titleZh: '联合培训' })).toEqual(['summary:required']);
    expect(codes({ ...rest, summaryZh: '两个组织联合开展培训。' })).toEqual(['title:required']);
    expect(check(rest).problems.map((p) => render('en', p.message))).toEqual([
      'A title (title or titleZh) is required to submit',
      'A summary (summary or summaryZh) is required to submit',
    ]);
  });

  it('takes 2016-01-01 and refuses 2015-12-31', () => {
    expect(check({ ...complete, implementedOn: '2016-01-01' }).ready).toBe(true);
    expect(codes({ ...complete, implementedOn: '2015-12-31' })).toEqual(['implementedOn:implemented-too-early']);
  });

  it('refuses a date after today in the edition time zone, and takes today there', () => {
    const morningInBeijing = at('2024-06-19T20:00:00.000Z'); // 04:00 on 20 June in Beijing
    expect(check({ ...complete, implementedOn: '2024-06-20' }, morningInBeijing).ready).toBe(true);
    expect(codes({ ...complete, implementedOn: '2024-06-21' }, morningInBeijing)).toEqual(['implementedOn:implemented-in-future']);
  });

  it('needs two distinct countries: one is not enough, a duplicate does not count twice', () => {
    expect(codes({ ...complete, countries: ['CN'] })).toEqual(['countries:min-countries']);
    expect(codes({ ...complete, countries: ['CN', 'CN'] })).toEqual(['countries:duplicate-country', 'countries:min-countries']);
    expect(check({ ...complete, countries: ['HK', 'MO'] }).ready).toBe(true);
  });

  it('follows the edition rules, not constants', () => {
    const strict = { implementedOnOrAfter: '2020-01-01', minCountries: 3 };
    expect(readiness(complete, strict, 'UTC', now).problems.map((p) => p.code)).toEqual(['min-countries']);
    expect(readiness({ ...complete, implementedOn: '2019-12-31', countries: ['KE', 'CN', 'BR'] }, strict, 'UTC', now).problems.map((p) => p.code)).toEqual([
      'implemented-too-early',
    ]);
  });

  it('needs the organisation and the contact complete', () => {
    expect(codes({ ...complete, organisation: { name: 'X' }, contact: { email: 'a@example.org' } })).toEqual([
      'organisation.country:required',
      'contact.name:required',
    ]);
  });
});
