import type { AttachmentInput } from './attachment-input.ts';
import { frozenConflict, isFrozen, type CaseRecord } from './case.ts';
import type { EditionRecord } from './edition.ts';
import { AppError } from './errors.ts';
import { acceptance } from './rules.ts';
import { UPLOAD_URL_SECONDS, type Rejection } from './uploads.ts';
import type { AttachmentStatus, ContentType, Purpose } from './vocabulary.ts';

/** An attachment as stored. */
export interface AttachmentRecord {
  attachmentId: string;
  caseId: string;
  editionId: string;
  ownerId: string;
  purpose: Purpose;
  fileName: string;
  contentType: ContentType;
  size: number;
  status: AttachmentStatus;
  /** Why it was rejected, to be worded in the reader's language. */
  rejection?: Rejection;
  /** Written in English before rejections were kept as texts to word (the API still shows it). */
  rejectionReason?: string;
  sha256?: string;
  /** The upload window: an object that lands later is rejected, whatever the storage service let through. */
  uploadBy: string;
  /** The stored object (version id, or ETag) whose verification holds this pending attachment; see verify-upload. */
  verifying?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Until when the owner may add or remove files of this purpose, or the 409 that says why not now:
 * - supporting files while the case is editable (the edition accepts the owner's changes, the case is not withdrawn);
 * - presentation files only for an outstanding case whose owner has been notified, until the materials deadline.
 */
export function fileWindow(purpose: Purpose, c: CaseRecord, e: EditionRecord, now: Date, extensionDeadline?: string): { until: string; viaExtension: boolean } {
  if (c.status === 'withdrawn') throw new AppError('conflict', 'detail.case-withdrawn');
  if (purpose === 'supporting') {
    // Supporting files are part of what was decided on: frozen with the case (presentation files are not).
    if (isFrozen(c)) throw frozenConflict();
    const a = acceptance(e, now, extensionDeadline);
    if (!a.ok) throw new AppError(a.code, a.detail);
    return { until: a.until, viaExtension: a.viaExtension };
  }
  if (c.decision !== 'outstanding' || !c.notifiedAt) {
    throw new AppError('conflict', 'detail.materials-not-asked');
  }
  if (!e.materialsDeadline) throw new AppError('conflict', 'detail.materials-no-deadline');
  if (now.toISOString() >= e.materialsDeadline) throw new AppError('deadline-passed', { key: 'detail.materials-due', params: { deadline: e.materialsDeadline } });
  return { until: e.materialsDeadline, viaExtension: false };
}

/** The presigned upload's expiry: 15 minutes, but never past the end of the window. */
export function uploadDeadline(now: Date, until: string): Date {
  return new Date(Math.min(now.getTime() + UPLOAD_URL_SECONDS * 1000, Date.parse(until)));
}

export function newAttachment(attachmentId: string, c: CaseRecord, input: AttachmentInput, uploadBy: Date, now: Date): AttachmentRecord {
  const t = now.toISOString();
  return {
    attachmentId,
    caseId: c.caseId,
    editionId: c.editionId,
    ownerId: c.ownerId,
    ...input,
    status: 'pending',
    uploadBy: uploadBy.toISOString(),
    createdAt: t,
    updatedAt: t,
  };
}

/**
 * Characters a file name must not carry into a download's name: controls (Cc: CR/LF would split the header),
 * format characters (Cf: the bidi overrides, isolates and marks that make `cod\u202Efdp.exe` display as
 * `codexe.pdf`, zero-width characters) and the Unicode line and paragraph separators.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** RFC 5987 ext-value: UTF-8, every byte outside attr-char percent-encoded (encodeURIComponent leaves ' ( ) *). */
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition` for a download under the name the owner gave (RFC 6266): always `attachment`, an ASCII
 * fallback in a quoted string that can hold no quote, backslash or control character (so no parameter can be
 * injected), and the name itself, percent-encoded, as `filename*`. Unsafe characters are dropped from both, and a lone surrogate
 * (which would make encodeURIComponent throw) becomes U+FFFD first.
 */
export function contentDisposition(fileName: string): string {
  const name = fileName.toWellFormed().replace(UNSAFE_IN_NAME, '').trim() || 'download';
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}
