import { describe, expect, it } from 'vitest';
import { canonicalJson } from '#domain/canonical-json';
import { receiptHash } from '#domain/receipt';
import { stamp } from '#domain/submission';
import { annsCase } from '../../support/cases.ts';
import { recipients } from '#domain/mail';
import type { CaseRecord } from '#domain/case';
import type { AttachmentRecord } from '#domain/attachment';

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined, keeps array order, has no spaces', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 'é' }], c: undefined }, 'ä': null })).toBe('{"a":{"d":[3,{"y":"é","z":1}]},"b":1,"ä":null}');
  });
});

describe('receipt hash', () => {
  const base = { caseId: 'C', editionId: '2024', fields: { title: 'T', countries: ['KE', 'CN'] }, submittedAt: '2024-06-20T15:59:59.999Z' };
  const att = (id: string, status: AttachmentRecord['status'], sha256?: string) => ({ attachmentId: id, status, sha256, fileName: `${id}.pdf`, contentType: 'application/pdf', size: 1 }) as AttachmentRecord;

  it('changes with any field, the time or a verified attachment, and ignores unverified ones and their order', () => {
    const h = receiptHash({ ...base, attachments: [] });
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(receiptHash({ ...base, fields: { ...base.fields, title: 'U' }, attachments: [] })).not.toBe(h);
    expect(receiptHash({ ...base, submittedAt: '2024-06-20T15:59:59.998Z', attachments: [] })).not.toBe(h);
    expect(receiptHash({ ...base, attachments: [att('A', 'pending'), att('B', 'rejected')] })).toBe(h);
    const two = receiptHash({ ...base, attachments: [att('A', 'ready', 'aa'), att('B', 'ready', 'bb')] });
    expect(two).not.toBe(h);
    expect(receiptHash({ ...base, attachments: [att('B', 'ready', 'bb'), att('A', 'ready', 'aa')] })).toBe(two);
  });

  it("covers the title and summary in Chinese, and not the case's language (no part of the content)", () => {
    const at = new Date('2024-06-20T15:00:00.000Z');
    const hashOf = (over: Partial<CaseRecord>) => stamp(annsCase(over), [], at).receipt!.sha256;
    const h = hashOf({ locale: 'en' });
    expect(hashOf({ locale: 'zh-CN' })).toBe(h);
    expect(hashOf({ locale: 'en', titleZh: '联合培训' })).not.toBe(h);
    expect(hashOf({ locale: 'en', summaryZh: '联合培训。' })).not.toBe(h);
  });
});

describe('recipients', () => {
  it('writes to the owner, with a different contact in copy only once that contact address is confirmed', () => {
    const c = { ownerEmail: 'ann@example.org', contact: { email: 'ANN@example.org' } } as CaseRecord;
    expect(recipients(c)).toEqual({ to: ['ann@example.org'], cc: [] });
    // An address the applicant merely typed is never written to.
    expect(recipients({ ...c, contact: { email: 'office@example.org' } })).toEqual({ to: ['ann@example.org'], cc: [] });
    expect(recipients({ ...c, contact: { email: 'office@example.org' }, contactConfirmedEmail: 'Office@example.org' })).toEqual({ to: ['ann@example.org'], cc: ['office@example.org'] });
  });
});
