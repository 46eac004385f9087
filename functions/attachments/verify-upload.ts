/**
 * Verifies what lands in quarantine/ before anyone can read it. For each object created:
 * 1. Its attachment must exist and be pending; otherwise the object is a leftover (the attachment was
 *    deleted, or this is a repeated or late event) and is removed.
 * 2. It must have arrived within the upload window, be exactly the declared size, and its first bytes
 *    must show the declared type. It is hashed (SHA-256) as a stream, in constant memory.
 * 3. It is copied to cases/ and the attachment marked ready with its checksum; if the attachment was
 *    deleted meanwhile, the copy is removed. Or it is marked rejected with a reason a person can act on.
 * 4. The quarantined object is removed in every case.
 * Every step is idempotent, so S3 delivering an event twice, or Lambda retrying, does no harm. A failure
 * is thrown, for Lambda to retry and then park the event in the dead-letter queue.
 */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { AttachmentRecord } from '#domain/attachment';
import { matchesDeclared, mismatchReason, TRANSFER_GRACE_SECONDS } from '#domain/uploads';
import { getAttachment, markReady, markRejected } from '#adapters/attachments-repo';
import { objectKeys, parseQuarantineKey } from '#adapters/bucket-design';
import { copyObject, deleteObject, digest, sizeOf } from '#adapters/media-store';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';

const mib = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`);

export type Verdict = { kind: 'ready'; sha256: string } | { kind: 'rejected'; reason: string } | { kind: 'leftover'; why: string } | { kind: 'gone' };

async function judge(a: AttachmentRecord, key: string, arrivedAt: string): Promise<Verdict> {
  const latest = new Date(Date.parse(a.uploadBy) + TRANSFER_GRACE_SECONDS * 1000).toISOString();
  if (arrivedAt > latest) return { kind: 'rejected', reason: `The upload started after its window closed at ${a.uploadBy}. Start a new upload.` };
  const size = await sizeOf(key);
  if (size === undefined) return { kind: 'gone' };
  if (size !== a.size) return { kind: 'rejected', reason: `The file is ${mib(size)} but was declared as ${mib(a.size)}. Upload it again with its exact size.` };
  const content = await digest(key);
  if (!content) return { kind: 'gone' };
  if (!matchesDeclared(a.contentType, content.head)) return { kind: 'rejected', reason: mismatchReason(a.contentType, content.head) };
  return { kind: 'ready', sha256: content.sha256 };
}

export async function verifyObject(key: string, arrivedAt: string, now: () => Date = () => new Date()): Promise<Verdict> {
  const ref = parseQuarantineKey(key);
  if (!ref) {
    await deleteObject(key);
    return { kind: 'leftover', why: 'not an upload key' };
  }
  const attachment = await getAttachment(ref.caseId, ref.attachmentId);
  if (!attachment || attachment.editionId !== ref.editionId) {
    await deleteObject(key);
    return { kind: 'leftover', why: 'no such attachment (deleted meanwhile?)' };
  }
  if (attachment.status !== 'pending') {
    await deleteObject(key);
    return { kind: 'leftover', why: `attachment already ${attachment.status}` };
  }

  const verdict = await judge(attachment, key, arrivedAt);
  if (verdict.kind === 'ready') {
    const target = objectKeys.verified(attachment);
    await copyObject(key, target);
    if (!(await markReady(attachment, verdict.sha256, now().toISOString()))) {
      const current = await getAttachment(ref.caseId, ref.attachmentId);
      // Deleted while we verified: its file must not outlive it. (Ready already: a twin event won; same bytes.)
      if (!current) await deleteObject(target);
    }
  } else if (verdict.kind === 'rejected') {
    await markRejected(attachment, verdict.reason, now().toISOString());
  }
  await deleteObject(key);
  return verdict;
}

/** S3 keys arrive URL-encoded, with + for spaces. */
const keyOf = (r: S3EventRecord) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));

export const handler = async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    if (!record.eventName.startsWith('ObjectCreated:')) continue;
    const key = keyOf(record);
    const verdict = await verifyObject(key, record.eventTime);
    logger.info('upload verified', { key, verdict: verdict.kind, ...(verdict.kind === 'rejected' ? { reason: verdict.reason } : {}) });
    if (verdict.kind === 'ready') count(BUSINESS_METRICS.uploadsVerified);
    if (verdict.kind === 'rejected') count(BUSINESS_METRICS.uploadsRejected);
  }
};
