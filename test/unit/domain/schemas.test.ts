import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '#domain/countries';
import { CATEGORIES } from '#domain/categories';
import { CATEGORY_IDS } from '#domain/vocabulary';
import { AttachmentInput } from '#domain/attachment-input';
import { CaseCreateInput, CasePatchInput } from '#domain/case-input';
import { EditionInput, ExtensionInput } from '#domain/edition-input';
import { ConflictInput, ReviewInput } from '#domain/review-input';
import { DecisionInput } from '#domain/selection-input';
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

  it('takes the title and summary in Chinese with the limits of the English ones', () => {
    expect(check(CaseCreateInput, { titleZh: '跨境网络安全联合培训', summaryZh: '两个应急响应组织联合开展培训。\n为期一年。' })).toEqual([]);
    expect(check(CaseCreateInput, { titleZh: '训'.repeat(200), summaryZh: '训'.repeat(2000) })).toEqual([]);
    expect(check(CaseCreateInput, { titleZh: '训'.repeat(201), summaryZh: '训'.repeat(2001) }).sort()).toEqual(['summaryZh:too-long', 'titleZh:too-long']);
    expect(check(CaseCreateInput, { titleZh: '标题\n换行', summaryZh: '  ' }).sort()).toEqual(['summaryZh:too-short', 'titleZh:control-character']);
    expect(CasePatchInput.safeParse({ titleZh: null, summaryZh: null }).success).toBe(true);
  });

  it("takes the case's language from the locales the product speaks, and never removes it", () => {
    expect(CaseCreateInput.parse({ locale: 'zh-CN' })).toEqual({ locale: 'zh-CN' });
    expect(CasePatchInput.parse({ locale: 'en' })).toEqual({ locale: 'en' });
    expect(check(CaseCreateInput, { locale: 'zh' })).toEqual(['locale:invalid-value']);
    expect(check(CaseCreateInput, { locale: 'fr' })).toEqual(['locale:invalid-value']);
    expect(check(CasePatchInput, { locale: null })).toEqual(['locale:invalid-value']);
  });
});

describe('control characters in free text (no header injection)', () => {
  const scores = { innovation: 5, impact: 5, cooperation: 5, sustainability: 5 };

  it('refuses CR LF in a title, with the field problem control-character', () => {
    expect(check(CaseCreateInput, { title: 'Hi\r\nBcc: victim@example.org' })).toEqual(['title:control-character']);
    expect(check(CasePatchInput, { title: 'Hi\r\nBcc: victim@example.org' })).toEqual(['title:control-character']);
  });

  it('refuses every C0 and C1 control, DEL, tab and line separators in one-line fields', () => {
    for (const bad of ['a\nb', 'a\rb', 'a\tb', 'a\u0000b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u009fb', 'a\u2028b', 'a\u2029b']) {
      expect(check(CaseCreateInput, { title: bad }), JSON.stringify(bad)).toEqual(['title:control-character']);
    }
    const body = {
      organisation: { name: 'A\nB' },
      partners: [{ name: 'P\rQ', country: 'KE' }],
      contact: { name: 'N\u0007' },
      links: ['https://exa\nmple.org/'],
    };
    expect(check(CaseCreateInput, body).sort()).toEqual(['contact.name:control-character', 'links.0:control-character', 'organisation.name:control-character', 'partners.0.name:control-character']);
    expect(check(EditionInput, { name: 'Call\r\n2024', opensAt: '2024-05-01T00:00:00Z', deadline: '2024-06-01T00:00:00Z', timeZone: 'UTC', contact: { name: 'x\ny', email: 'c@example.org' } }).sort()).toEqual(['contact.name:control-character', 'name:control-character']);
    expect(check(ExtensionInput, { deadline: '2099-01-01T00:00:00Z', reason: 'ill\nness' })).toEqual(['reason:control-character']);
    expect(check(ConflictInput, { reason: 'my\u0085employer' })).toEqual(['reason:control-character']);
  });

  it('allows tabs and line breaks in the long multi-line fields, and no other control character', () => {
    expect(check(CaseCreateInput, { summary: 'Line one.\r\nLine two.', description: 'Para one.\n\n\tPara two.' })).toEqual([]);
    expect(check(ReviewInput, { scores, recommendation: 'collection', comment: 'Good.\nSolid.' })).toEqual([]);
    expect(check(DecisionInput, { decision: 'collection', note: 'Agreed\nunanimously.' })).toEqual([]);
    expect(check(CaseCreateInput, { summary: 'a\u0000b', description: 'a\u001bb' }).sort()).toEqual(['description:control-character', 'summary:control-character']);
    expect(check(ReviewInput, { scores, recommendation: 'collection', comment: 'x\u0085' })).toEqual(['comment:control-character']);
    expect(check(DecisionInput, { decision: 'collection', note: 'x\u007f' })).toEqual(['note:control-character']);
  });

  it('refuses bidi controls and other format characters in a file name (cv\\u202Efdp.exe), and controls C1 too', () => {
    const upload = { contentType: 'application/pdf', size: 10, purpose: 'supporting' };
    expect(check(AttachmentInput, { ...upload, fileName: 'cv\u202Efdp.exe' })).toEqual(['fileName:format-character']);
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\uFEFF']) {
      expect(check(AttachmentInput, { ...upload, fileName: `report${c}.pdf` }), c.codePointAt(0)!.toString(16)).toEqual(['fileName:format-character']);
    }
    expect(check(AttachmentInput, { ...upload, fileName: 'report\u0085.pdf' })).toEqual(['fileName:control-character']);
    expect(check(AttachmentInput, { ...upload, fileName: 'report\r\n.pdf' })).toEqual(['fileName:control-character']);
    expect(check(AttachmentInput, { ...upload, fileName: '报告 (final) – v2.pdf' })).toEqual([]);
    // Right-to-left text itself is fine in a title; only a file name refuses the invisible controls.
    expect(check(CaseCreateInput, { title: 'تدريب مشترك \u200F' })).toEqual([]);
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
