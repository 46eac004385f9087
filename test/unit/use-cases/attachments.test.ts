/**
 * The attachment use cases with plain fake ports: objects holding only the functions a use case calls, no AWS
 * client and no mock of one.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AttachmentRecord } from '#domain/attachment';
import type { CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import type { EditionRecord } from '#domain/edition';
import { createAttachment, type CreateAttachmentPorts } from '#use-cases/attachments/create-attachment';
import { verifyUpload, type VerifyUploadPorts } from '#use-cases/attachments/verify-upload';

const NOW = new Date('2024-06-01T08:00:00.000Z');
const CASE_ID = '01HZX3N4QK7M2XG5V6R9T0BCDE';
const ATT_ID = '01HZX3N4QK7M2XG5V6R9T0BCDF';
const KEY = `quarantine/2024/${CASE_ID}/${ATT_ID}`;
const pdfHead = new TextEncoder().encode('%PDF-1.7\n');

const pending: AttachmentRecord = {
  attachmentId: ATT_ID,
  caseId: CASE_ID,
  editionId: '2024',
  ownerId: 'ann',
  purpose: 'supporting',
  fileName: 'report.pdf',
  contentType: 'application/pdf',
  size: 2048,
  status: 'pending',
  uploadBy: '2024-06-01T08:15:00.000Z',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
};

/** The pending attachment, a 2048-byte PDF in quarantine; every write succeeds. */
const verifyPorts = (size = 2048) =>
  ({
    attachments: {
      getAttachment: async () => pending,
      claimVerification: vi.fn(async () => true),
      markReady: vi.fn(async () => true),
      markRejected: vi.fn(async () => true),
    },
    media: {
      sizeOf: async () => size,
      digest: async () => ({ sha256: 'a'.repeat(64), head: pdfHead }),
      copyObject: vi.fn(async () => true),
      deleteObject: vi.fn(async () => undefined),
    },
    clock: () => NOW,
  }) satisfies VerifyUploadPorts;

describe('verifyUpload', () => {
  it('copies a file that is what was declared to cases/, marks it ready with its checksum and removes the quarantined version', async () => {
    const ports = verifyPorts();
    const verdict = await verifyUpload(ports, { object: { key: KEY, versionId: 'v1' }, arrivedAt: '2024-06-01T08:01:00.000Z' });
    expect(verdict).toEqual({ kind: 'ready', sha256: 'a'.repeat(64) });
    expect(ports.attachments.claimVerification).toHaveBeenCalledWith(pending, 'v1');
    expect(ports.media.copyObject).toHaveBeenCalledWith({ key: KEY, versionId: 'v1' }, `cases/2024/${CASE_ID}/${ATT_ID}`);
    expect(ports.attachments.markReady).toHaveBeenCalledWith(pending, 'a'.repeat(64), NOW.toISOString(), 'v1');
    expect(ports.media.deleteObject).toHaveBeenCalledWith(KEY, 'v1');
  });

  it('rejects a file of another size than declared, with a reason, and publishes nothing', async () => {
    const ports = verifyPorts(4096);
    const verdict = await verifyUpload(ports, { object: { key: KEY, versionId: 'v1' }, arrivedAt: '2024-06-01T08:01:00.000Z' });
    expect(verdict).toEqual({ kind: 'rejected', reason: { key: 'rejection.size-mismatch', params: { actual: { key: 'fileSize.bytes', params: { n: 4096 } }, declared: { key: 'fileSize.bytes', params: { n: 2048 } } } } });
    expect(ports.media.copyObject).not.toHaveBeenCalled();
    expect(ports.attachments.markRejected).toHaveBeenCalledOnce();
    expect(ports.media.deleteObject).toHaveBeenCalledWith(KEY, 'v1');
  });
});

describe('createAttachment', () => {
  const ann: Caller = { sub: 'ann', email: 'ann@example.org', groups: [] };
  const edition: EditionRecord = {
    editionId: '2024',
    name: 'Practice cases 2024',
    opensAt: '2024-05-01T00:00:00.000Z',
    deadline: '2024-06-20T16:00:00.000Z',
    timeZone: 'UTC',
    rules: { implementedOnOrAfter: '2016-01-01', minCountries: 2 },
    createdAt: '2024-04-01T00:00:00.000Z',
    updatedAt: '2024-04-01T00:00:00.000Z',
    version: 1,
  };
  const draft: CaseRecord = { caseId: CASE_ID, editionId: '2024', ownerId: 'ann', ownerEmail: 'ann@example.org', status: 'draft', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), version: 1 };
  const file = { fileName: 'report.pdf', contentType: 'application/pdf', size: 2048, purpose: 'supporting' } as const;
  const createPorts = (outcome: 'ok' | 'limit-reached') =>
    ({
      cases: { getCase: async () => draft },
      editions: { getEditionFor: async () => ({ edition }), getEdition: async () => edition },
      reviews: { getReviewer: async () => undefined },
      attachments: { addAttachment: vi.fn(async () => outcome) },
      media: { presignUpload: vi.fn(async (key: string) => ({ method: 'POST' as const, url: 'https://upload.example', fields: { key }, expiresAt: NOW.toISOString() })) },
    }) satisfies CreateAttachmentPorts;

  it('records a pending attachment and signs an upload for its quarantine key', async () => {
    const ports = createPorts('ok');
    const { attachment, upload } = await createAttachment(ports, { caseId: CASE_ID, caller: ann, file, now: NOW });
    expect(attachment).toMatchObject({ caseId: CASE_ID, status: 'pending', size: 2048 });
    expect(upload.url).toBe('https://upload.example');
    expect(upload.fields.key).toBe(`quarantine/2024/${CASE_ID}/${attachment.attachmentId}`);
  });

  it('refuses the eleventh file of a purpose (409) and signs nothing', async () => {
    const ports = createPorts('limit-reached');
    await expect(createAttachment(ports, { caseId: CASE_ID, caller: ann, file, now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    expect(ports.media.presignUpload).not.toHaveBeenCalled();
  });
});
