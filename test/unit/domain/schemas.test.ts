import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '#domain/countries';
import { CATEGORIES, CATEGORY_IDS } from '#domain/categories';
import { CaseCreateInput, CasePatchInput, EditionInput } from '#domain/schemas';
import { fieldProblems } from '#shared/http';
import { ulid, ULID_PATTERN } from '#domain/ids';

const check = (schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldProblems(r.error as Parameters<typeof fieldProblems>[0], undefined, input).map((p) => `${p.path}:${p.code}`);
};

describe('reference data', () => {
  it('has the 249 ISO 3166-1 alpha-2 codes, regions HK, MO and TW included', () => {
    expect(COUNTRY_CODES.size).toBe(249);
    for (const c of ['HK', 'MO', 'TW', 'CN', 'KE', 'BR']) expect(COUNTRY_CODES.has(c)).toBe(true);
    for (const c of ['ZZ', 'XK', 'UK', 'cn']) expect(COUNTRY_CODES.has(c)).toBe(false);
  });

  it('has the five categories of the call', () => {
    expect(CATEGORY_IDS).toEqual(['internet-infrastructure', 'cultural-exchange', 'digital-economy', 'cybersecurity', 'global-governance']);
    expect(CATEGORIES.map((c) => c.name)).toContain('Cybersecurity Maintenance');
  });
});

describe('case input', () => {
  it('accepts an empty draft', () => {
    expect(CaseCreateInput.safeParse({}).success).toBe(true);
  });

  it('rejects server-owned and unknown fields by name', () => {
    const r = check(CaseCreateInput, { title: 'x', status: 'submitted', ownerId: 'me', version: 9 });
    expect((r)).toEqual(['status:unknown-field', 'ownerId:unknown-field', 'version:unknown-field']);
  });

  it('rejects an unknown country code and a duplicate, with stable codes', () => {
    expect(check(CaseCreateInput, ({ countries: ['KE', 'ZZ'] }))).toEqual(['countries.1:unknown-country']);
    expect(check(CaseCreateInput, ({ countries: ['KE', 'CN', 'KE'] }))).toEqual(['countries.2:duplicate-country']);
  });

  it('rejects an unknown category, an impossible date, an over-long title and a non-http link', () => {
    const r = check(CaseCreateInput, { category: 'sports', implementedOn: '2021-02-30', title: 'x'.repeat(201), links: ['javascript:alert(1)'] });
    expect((r).sort()).toEqual(['category:invalid-value', 'implementedOn:invalid-format', 'links.0:invalid-format', 'title:too-long']);
  });

  it('tells a field of the wrong type from a missing one', () => {
    expect(check(CaseCreateInput, { title: 5, organisation: { name: ['x'] } })).toEqual(['title:invalid-type', 'organisation.name:invalid-type']);
    expect(check(EditionInput, { opensAt: '2024-01-01T00:00:00Z' }).sort()).toEqual(['deadline:required', 'name:required', 'timeZone:required']);
  });

  it('takes null in a patch to clear a field, and refuses an empty patch', () => {
    expect(CasePatchInput.safeParse({ summary: null }).success).toBe(true);
    expect(check(CasePatchInput, ({}))).toEqual([':empty-patch']);
  });
});

describe('edition input', () => {
  const valid = { name: 'Call 2024', opensAt: '2024-05-01T00:00:00Z', deadline: '2024-06-20T24:00:00+08:00', timeZone: 'Asia/Shanghai' };

  it('normalises instants to UTC', () => {
    expect(EditionInput.safeParse({ ...valid, deadline: '2024-06-21T00:00:00+08:00' }).data?.deadline).toBe('2024-06-20T16:00:00.000Z');
  });

  it('refuses a deadline before opening, an unknown time zone and a missing name', () => {
    const r = check(EditionInput, { opensAt: '2024-06-21T00:00:00Z', deadline: '2024-06-20T00:00:00Z', timeZone: 'Mars/Olympus' });
    expect((r).sort()).toEqual(['name:required', 'timeZone:unknown-time-zone']);
    expect(check(EditionInput, ({ ...valid, deadline: '2024-04-01T00:00:00Z' }))).toEqual(['deadline:deadline-before-opening']);
  });
});

describe('ulid', () => {
  it('is 26 Crockford characters, sortable by time', () => {
    const a = ulid(1_700_000_000_000);
    const b = ulid(1_700_000_000_001);
    expect(a).toMatch(ULID_PATTERN);
    expect(a < b).toBe(true);
    expect(ulid(0).slice(0, 10)).toBe('0000000000');
  });
});
