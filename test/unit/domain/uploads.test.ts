import { describe, expect, it } from 'vitest';
import { matchesDeclared, rejectionCodeOf, rejections, sniff, maxBytesOf } from '#domain/uploads';
import { render } from '#domain/i18n/catalogues';
import { CONTENT_TYPES } from '#domain/vocabulary';
import { contentDisposition, fileWindow, uploadDeadline } from '#domain/attachment';
import { parseQuarantineKey, objectKeys } from '#adapters/bucket-design';
import { AttachmentInput } from '#domain/attachment-input';
import { fieldProblems } from '#shared/http';
import type { CaseRecord } from '#domain/case';
import type { EditionRecord } from '#domain/edition';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const ftyp = (brand: string) => bytes([0, 0, 0, 0x20], 'ftyp', brand, [0, 0, 0, 0]);

describe('magic bytes', () => {
  it.each([
    ['application/pdf', bytes('%PDF-1.7\n')],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['audio/mpeg', bytes('ID3', [4, 0, 0])],
    ['audio/mpeg', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['audio/wav', bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt ')],
    ['audio/mp4', ftyp('M4A ')],
    ['video/mp4', ftyp('isom')],
    ['video/mp4', ftyp('mp42')],
    ['video/quicktime', ftyp('qt  ')],
  ] as const)('%s is recognised', (type, b) => {
    expect(sniff(b)).toBe(type);
    expect(matchesDeclared(type, b)).toBe(true);
  });

  it('refuses what matches nothing, and a RIFF that is not WAVE', () => {
    expect(sniff(bytes('hello world'))).toBeUndefined();
    expect(sniff(bytes('RIFF', [0, 0, 0, 0], 'AVI LIST'))).toBeUndefined();
    expect(sniff(new Uint8Array())).toBeUndefined();
  });

  it('takes an MP4 container declared as audio/mp4, not the other way round', () => {
    expect(matchesDeclared('audio/mp4', ftyp('isom'))).toBe(true);
    expect(matchesDeclared('video/mp4', ftyp('M4A '))).toBe(false);
  });

  it('says what the file is and what to do, in either language, with a code', () => {
    const pdfAsPng = rejections.typeMismatch('image/png', bytes('%PDF-1.4'));
    expect(rejectionCodeOf(pdfAsPng)).toBe('type-mismatch');
    expect(render('en', pdfAsPng)).toBe('The file is a PDF but was declared as image/png. Upload it again with the type application/pdf.');
    expect(render('zh-CN', pdfAsPng)).toBe('该文件是 PDF 文件，但声明的类型为 image/png。请以类型 application/pdf 重新上传。');
    const text = rejections.typeMismatch('application/pdf', bytes('plain text'));
    expect(rejectionCodeOf(text)).toBe('unrecognised');
    expect(render('en', text)).toMatch(/^The file is not a PDF/);
    expect(render('zh-CN', text)).toMatch(/^该文件不是 PDF 文件/);
  });

  it('names sizes in bytes below a MiB and in MiB above, in either language', () => {
    const r = rejections.sizeMismatch(5 * 1024 * 1024, 5000);
    expect(rejectionCodeOf(r)).toBe('size-mismatch');
    expect(render('en', r)).toBe('The file is 5.0 MiB but was declared as 5000 bytes. Upload it again with its exact size.');
    expect(render('zh-CN', r)).toBe('文件大小为 5.0 MiB，但声明的大小为 5000 字节。请按文件的实际大小重新上传。');
  });
});

describe('attachment input', () => {
  const valid = { fileName: 'report.pdf', contentType: 'application/pdf', size: 1024, purpose: 'supporting' };
  const codes = (over: Record<string, unknown>) => {
    const input = { ...valid, ...over };
    const r = AttachmentInput.safeParse(input);
    return r.success ? [] : fieldProblems(r.error, undefined, input).map((p) => `${p.path}:${p.code}`);
  };

  it('accepts a valid file and every listed type at its limit', () => {
    expect(codes({})).toEqual([]);
    for (const t of CONTENT_TYPES) expect(codes({ contentType: t, size: maxBytesOf(t) }), t).toEqual([]);
  });

  it.each([
    [{ fileName: '../etc/passwd' }, 'fileName:path-separator'],
    [{ fileName: 'a\\b.pdf' }, 'fileName:path-separator'],
    [{ fileName: 'bad\u0007name.pdf' }, 'fileName:control-character'],
    [{ fileName: 'x'.repeat(300) }, 'fileName:too-long'],
    [{ fileName: '..' }, 'fileName:invalid-file-name'],
    [{ fileName: '   ' }, 'fileName:too-short'],
    [{ contentType: 'application/x-msdownload' }, 'contentType:invalid-value'],
    [{ size: 0 }, 'size:too-short'],
    [{ size: -5 }, 'size:too-short'],
    [{ size: 1.5 }, 'size:invalid-type'],
    [{ size: 20 * 1024 * 1024 + 1 }, 'size:file-too-large'],
    [{ contentType: 'video/mp4', size: 2 * 1024 ** 3 + 1 }, 'size:too-long'],
    [{ purpose: 'other' }, 'purpose:invalid-value'],
    [{ status: 'ready' }, 'status:unknown-field'],
  ])('%j → %s', (over, code) => {
    expect(codes(over)).toContain(code);
  });
});

describe('upload window', () => {
  const now = new Date('2024-06-20T15:50:00.000Z');
  const edition = {
    editionId: '2024', opensAt: '2024-05-01T00:00:00.000Z', deadline: '2024-06-20T16:00:00.000Z', timeZone: 'Asia/Shanghai',
    materialsDeadline: '2024-09-01T00:00:00.000Z', rules: { implementedOnOrAfter: '2016-01-01', minCountries: 2 },
  } as EditionRecord;
  const draft = { status: 'draft' } as CaseRecord;

  it('keeps supporting files to the deadline and caps the upload URL there', () => {
    expect(fileWindow('supporting', draft, edition, now)).toEqual({ until: edition.deadline, viaExtension: false });
    expect(uploadDeadline(now, edition.deadline).toISOString()).toBe('2024-06-20T16:00:00.000Z');
    expect(uploadDeadline(new Date('2024-06-01T00:00:00.000Z'), edition.deadline).toISOString()).toBe('2024-06-01T00:15:00.000Z');
    expect(() => fileWindow('supporting', draft, edition, new Date(edition.deadline))).toThrow(expect.objectContaining({ code: 'deadline-passed' }));
    expect(() => fileWindow('supporting', { status: 'withdrawn' } as CaseRecord, edition, now)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('asks presentation files only of notified outstanding cases, until the materials deadline', () => {
    const later = new Date('2024-08-01T00:00:00.000Z');
    expect(() => fileWindow('presentation', draft, edition, later)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => fileWindow('presentation', { status: 'submitted', decision: 'outstanding' } as CaseRecord, edition, later)).toThrow(expect.objectContaining({ code: 'conflict' }));
    const notified = { status: 'submitted', decision: 'outstanding', notifiedAt: '2024-07-20T00:00:00.000Z' } as CaseRecord;
    expect(fileWindow('presentation', notified, edition, later)).toEqual({ until: edition.materialsDeadline, viaExtension: false });
    expect(() => fileWindow('presentation', notified, edition, new Date(edition.materialsDeadline!))).toThrow(expect.objectContaining({ code: 'deadline-passed' }));
    expect(() => fileWindow('presentation', { ...notified, decision: 'collection' }, edition, later)).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});

describe('object keys', () => {
  const ref = { editionId: '2025-pilot', caseId: '01HZX3N4QK7M2XG5V6R9T0BCDE', attachmentId: '01HZX3N4QK7M2XG5V6R9T0BCDF' };
  it('round-trip the quarantine key and refuse anything else', () => {
    expect(parseQuarantineKey(objectKeys.quarantine(ref))).toEqual(ref);
    expect(objectKeys.verified(ref)).toBe(`cases/2025-pilot/${ref.caseId}/${ref.attachmentId}`);
    for (const k of [objectKeys.verified(ref), `quarantine/2025/${ref.caseId}`, `quarantine/2025/${ref.caseId}/${ref.attachmentId}/x`, `quarantine/../${ref.caseId}/${ref.attachmentId}`]) {
      expect(parseQuarantineKey(k), k).toBeUndefined();
    }
  });

  it('downloads under the original name, with an ASCII fallback', () => {
    expect(contentDisposition('Bericht "Köln".pdf')).toBe(`attachment; filename="Bericht _K_ln_.pdf"; filename*=UTF-8''Bericht%20%22K%C3%B6ln%22.pdf`);
  });

  it('builds a Content-Disposition no file name can inject a parameter into or display reversed', () => {
    const cases: [string, string][] = [
      ['a"; filename="evil.exe', `attachment; filename="a_; filename=_evil.exe"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.exe`],
      ['a\r\nSet-Cookie: x=1.pdf', `attachment; filename="aSet-Cookie: x=1.pdf"; filename*=UTF-8''aSet-Cookie%3A%20x%3D1.pdf`],
      ['invoice\u202Efdp.exe', `attachment; filename="invoicefdp.exe"; filename*=UTF-8''invoicefdp.exe`],
      ['\u2067a\u2069\u200F\u061Cb.pdf', `attachment; filename="ab.pdf"; filename*=UTF-8''ab.pdf`],
      ["it's (1)*.pdf", `attachment; filename="it's (1)*.pdf"; filename*=UTF-8''it%27s%20%281%29%2A.pdf`],
      ['back\\slash.pdf', `attachment; filename="back_slash.pdf"; filename*=UTF-8''back%5Cslash.pdf`],
      ['报告.pdf', `attachment; filename="__.pdf"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf`],
      ['\uD800x.pdf', `attachment; filename="_x.pdf"; filename*=UTF-8''%EF%BF%BDx.pdf`],
      ['\u202E', `attachment; filename="download"; filename*=UTF-8''download`],
    ];
    for (const [name, header] of cases) {
      const got = contentDisposition(name);
      expect(got, JSON.stringify(name)).toBe(header);
      // One disposition, two parameters; the fallback is one quoted-string of printable ASCII without " or \.
      expect(got).toMatch(/^attachment; filename="[\x20\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    }
  });
});
