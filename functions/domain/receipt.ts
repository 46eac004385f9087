/**
 * Receipts: proof of what was submitted and when. The hash is a SHA-256 (hex) over the UTF-8 bytes of the
 * canonical JSON of the receipt document:
 *
 *   { "attachments": [ { "attachmentId", "contentType", "fileName", "sha256", "size" } ...sorted by attachmentId ],
 *     "caseId", "editionId", "fields": { the submitted fields, absent ones left out }, "submittedAt" }
 *
 * Canonical JSON as canonical-json.ts writes it. Only verified (ready) attachments are included. An applicant can
 * recompute the hash from GET /cases/{id} and its attachments.
 */
import { createHash } from 'node:crypto';
import type { AttachmentRecord } from './attachment.ts';
import { canonicalJson } from './canonical-json.ts';
import type { CaseFields } from './case-input.ts';

export interface ReceiptInput {
  caseId: string;
  editionId: string;
  fields: CaseFields;
  attachments: AttachmentRecord[];
  submittedAt: string;
}

export function receiptDocument(r: ReceiptInput) {
  return {
    caseId: r.caseId,
    editionId: r.editionId,
    submittedAt: r.submittedAt,
    fields: r.fields,
    attachments: r.attachments
      .filter((a) => a.status === 'ready')
      .sort((a, b) => (a.attachmentId < b.attachmentId ? -1 : 1))
      .map((a) => ({ attachmentId: a.attachmentId, fileName: a.fileName, contentType: a.contentType, size: a.size, sha256: a.sha256 })),
  };
}

export function receiptHash(r: ReceiptInput): string {
  return createHash('sha256').update(canonicalJson(receiptDocument(r)), 'utf8').digest('hex');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PART_FORMATS = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as a person in `timeZone` reads it: "16:05, 20 June 2024". Midnight is written as the end of the
 * day before, as the call does: 2024-06-20T16:00:00Z in Asia/Shanghai is "24:00, 20 June 2024".
 */
export function formatInZone(iso: string, timeZone: string): string {
  let f = PART_FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    PART_FORMATS.set(timeZone, f);
  }
  const at = new Date(iso);
  const exactMidnight = (d: Date) => {
    const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
    return p.hour === '00' && p.minute === '00' && p.second === '00' && d.getUTCMilliseconds() === 0;
  };
  const shown = exactMidnight(at) ? new Date(at.getTime() - 1) : at;
  const p = Object.fromEntries(f.formatToParts(shown).map((x) => [x.type, x.value]));
  const time = shown === at ? `${p.hour}:${p.minute}` : '24:00';
  return `${time}, ${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}
