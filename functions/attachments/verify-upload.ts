/**
 * Verifies what lands in quarantine/ before anyone can read it. An upload form may be posted more than once
 * before it expires, so every step works on the exact object version its event names (version id and ETag),
 * never on "whatever the key holds now". For each object created:
 * 1. Its attachment must exist and be pending, and the object must claim its verification (the first to do so
 *    keeps it); otherwise the object is a leftover (the attachment was deleted or decided, another post of the
 *    same form holds it, or this is a repeated or late event) and that version is removed.
 * 2. It must have arrived within the upload window, be exactly the declared size, and its first bytes
 *    must show the declared type. It is hashed (SHA-256) as a stream, in constant memory.
 * 3. That version is copied to cases/ and the attachment marked ready with its checksum; if the attachment was
 *    deleted meanwhile, the copy is removed. Or it is marked rejected with a reason a person can act on. If the
 *    version is gone (replaced: 412), nothing is marked ready from it.
 * 4. The quarantined version is removed in every case.
 * Every step is idempotent, so S3 delivering an event twice, or Lambda retrying, does no harm. A failure
 * is thrown, for Lambda to retry and then park the event in the dead-letter queue.
 */
import type { S3Event, S3EventRecord } from 'aws-lambda';
import type { AttachmentRecord } from '#domain/attachment';
import { matchesDeclared, mismatchReason, TRANSFER_GRACE_SECONDS } from '#domain/uploads';
import { claimVerification, getAttachment, markReady, markRejected } from '#adapters/attachments-repo';
import { objectKeys, parseQuarantineKey } from '#adapters/bucket-design';
import { copyObject, deleteObject, digest, sizeOf, type ObjectVersion } from '#adapters/media-store';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

const mib = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${n} bytes`);

export type Verdict = { kind: 'ready'; sha256: string } | { kind: 'rejected'; reason: string } | { kind: 'leftover'; why: string } | { kind: 'gone' };

async function judge(a: AttachmentRecord, object: ObjectVersion, arrivedAt: string): Promise<Verdict> {
  const latest = new Date(Date.parse(a.uploadBy) + TRANSFER_GRACE_SECONDS * 1000).toISOString();
  if (arrivedAt > latest) return { kind: 'rejected', reason: `The upload started after its window closed at ${a.uploadBy}. Start a new upload.` };
  const size = await sizeOf(object);
  if (size === undefined) return { kind: 'gone' };
  if (size !== a.size) return { kind: 'rejected', reason: `The file is ${mib(size)} but was declared as ${mib(a.size)}. Upload it again with its exact size.` };
  const content = await digest(object);
  if (!content) return { kind: 'gone' };
  if (!matchesDeclared(a.contentType, content.head)) return { kind: 'rejected', reason: mismatchReason(a.contentType, content.head) };
  return { kind: 'ready', sha256: content.sha256 };
}

const REPLACED = 'The file was replaced by another upload while it was being checked. Upload it again.';

/**
 * Copies the verified version to cases/ and marks the attachment ready. Storage that ignores
 * x-amz-copy-source-if-match (s3rver, which also has no versions) may copy bytes that replaced the version
 * meanwhile: without a version id, the copy is read back and must hash to the verdict.
 */
async function publish(a: AttachmentRecord, object: ObjectVersion, claim: string, sha256: string, now: () => Date): Promise<Verdict> {
  const target = objectKeys.verified(a);
  const copied = await copyObject(object, target);
  const intact = copied && (object.versionId !== undefined || (await digest({ key: target }))?.sha256 === sha256);
  if (!intact) {
    if (copied) await deleteObject(target);
    await markRejected(a, REPLACED, now().toISOString(), claim);
    return { kind: 'rejected', reason: REPLACED };
  }
  if (!(await markReady(a, sha256, now().toISOString(), claim))) {
    const current = await getAttachment(a.caseId, a.attachmentId);
    // Deleted while we verified: its file must not outlive it. (Ready with this checksum: a twin event won; same bytes.)
    if (current?.status !== 'ready' || current.sha256 !== sha256) await deleteObject(target);
  }
  return { kind: 'ready', sha256 };
}

export async function verifyObject(object: ObjectVersion, arrivedAt: string, now: () => Date = () => new Date()): Promise<Verdict> {
  // Removes this version only; without a version id, whatever the key holds (a later post is a leftover too).
  const discard = () => deleteObject(object.key, object.versionId);
  const leftover = async (why: string): Promise<Verdict> => {
    await discard();
    return { kind: 'leftover', why };
  };
  const ref = parseQuarantineKey(object.key);
  if (!ref) return leftover('not an upload key');
  const attachment = await getAttachment(ref.caseId, ref.attachmentId);
  if (!attachment || attachment.editionId !== ref.editionId) return leftover('no such attachment (deleted meanwhile?)');
  if (attachment.status !== 'pending') return leftover(`attachment already ${attachment.status}`);
  // S3 names both in every object-created record, s3rver the ETag; a record naming neither pins nothing.
  const claim = object.versionId ?? object.eTag;
  if (!claim) return leftover('the event names no version of the object');
  if ((attachment.verifying !== undefined && attachment.verifying !== claim) || !(await claimVerification(attachment, claim))) return leftover('another upload to the same form is verified, or it was decided meanwhile');

  let verdict = await judge(attachment, object, arrivedAt);
  if (verdict.kind === 'ready') verdict = await publish(attachment, object, claim, verdict.sha256, now);
  else if (verdict.kind === 'rejected') await markRejected(attachment, verdict.reason, now().toISOString(), claim);
  else {
    // Gone: replaced (or removed) before it could be read. This post holds the claim, so no other decides.
    await markRejected(attachment, REPLACED, now().toISOString(), claim);
    // Without a version id the key now holds the replacing bytes, which are not this event's to remove.
    if (object.versionId) await discard();
    return verdict;
  }
  await discard();
  return verdict;
}

/** S3 keys arrive URL-encoded, with + for spaces. */
const keyOf = (r: S3EventRecord) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));

export const handler = workerHandler(workers.verifyUpload, async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    if (!record.eventName.startsWith('ObjectCreated:')) continue;
    const key = keyOf(record);
    const verdict = await verifyObject({ key, versionId: record.s3.object.versionId, eTag: record.s3.object.eTag }, record.eventTime);
    logger.info('upload verified', { key, verdict: verdict.kind, ...(verdict.kind === 'rejected' ? { reason: verdict.reason } : {}) });
    if (verdict.kind === 'ready') count(BUSINESS_METRICS.uploadsVerified);
    if (verdict.kind === 'rejected') count(BUSINESS_METRICS.uploadsRejected);
  }
});
