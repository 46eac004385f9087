/**
 * Verifies what lands in quarantine/ before anyone can read it. An upload form may be posted more than once
 * before it expires, so every step works on the exact object version its event names (version id and ETag),
 * never on "whatever the key holds now".
 * Primary course, for each object created:
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
import type { AttachmentRecord } from '#domain/attachment';
import { matchesDeclared, rejections, TRANSFER_GRACE_SECONDS, type Rejection } from '#domain/uploads';
import { objectKeys, parseQuarantineKey } from '#adapters/bucket-design';
import type { ObjectVersion } from '#adapters/media-store';
import type { Attachments, Media } from '../ports.ts';

export interface VerifyUploadPorts {
  attachments: Pick<Attachments, 'claimVerification' | 'getAttachment' | 'markReady' | 'markRejected'>;
  media: Pick<Media, 'copyObject' | 'deleteObject' | 'digest' | 'sizeOf'>;
  /** Read at each record: hashing a large file takes a while. */
  clock: () => Date;
}

export type Verdict = { kind: 'ready'; sha256: string } | { kind: 'rejected'; reason: Rejection } | { kind: 'leftover'; why: string } | { kind: 'gone' };

async function judge(ports: VerifyUploadPorts, a: AttachmentRecord, object: ObjectVersion, arrivedAt: string): Promise<Verdict> {
  const latest = new Date(Date.parse(a.uploadBy) + TRANSFER_GRACE_SECONDS * 1000).toISOString();
  if (arrivedAt > latest) return { kind: 'rejected', reason: rejections.late(a.uploadBy) };
  const size = await ports.media.sizeOf(object);
  if (size === undefined) return { kind: 'gone' };
  if (size !== a.size) return { kind: 'rejected', reason: rejections.sizeMismatch(size, a.size) };
  const content = await ports.media.digest(object);
  if (!content) return { kind: 'gone' };
  if (!matchesDeclared(a.contentType, content.head)) return { kind: 'rejected', reason: rejections.typeMismatch(a.contentType, content.head) };
  return { kind: 'ready', sha256: content.sha256 };
}

/**
 * Marks the attachment rejected after removing any copy of it from cases/: one that this event wrote and found
 * wrong, or one an earlier, interrupted try of it left behind. A rejected file is never kept as verified.
 */
async function reject(ports: VerifyUploadPorts, a: AttachmentRecord, reason: Rejection, claim: string): Promise<void> {
  await ports.media.deleteObject(objectKeys.verified(a));
  await ports.attachments.markRejected(a, reason, ports.clock().toISOString(), claim);
}

/**
 * Copies the verified version to cases/ and marks the attachment ready. Storage that ignores
 * x-amz-copy-source-if-match (s3rver, which also has no versions) may copy bytes that replaced the version
 * meanwhile: without a version id, the copy is read back and must hash to the verdict.
 */
async function publish(ports: VerifyUploadPorts, a: AttachmentRecord, object: ObjectVersion, claim: string, sha256: string): Promise<Verdict> {
  const target = objectKeys.verified(a);
  const copied = await ports.media.copyObject(object, target);
  const intact = copied && (object.versionId !== undefined || (await ports.media.digest({ key: target }))?.sha256 === sha256);
  if (!intact) {
    await reject(ports, a, rejections.replaced(), claim);
    return { kind: 'rejected', reason: rejections.replaced() };
  }
  if (!(await ports.attachments.markReady(a, sha256, ports.clock().toISOString(), claim))) {
    const current = await ports.attachments.getAttachment(a.caseId, a.attachmentId);
    // Deleted while we verified: its file must not outlive it. (Ready with this checksum: a twin event won; same bytes.)
    if (current?.status !== 'ready' || current.sha256 !== sha256) await ports.media.deleteObject(target);
  }
  return { kind: 'ready', sha256 };
}

export async function verifyUpload(ports: VerifyUploadPorts, input: { object: ObjectVersion; arrivedAt: string }): Promise<Verdict> {
  const { object, arrivedAt } = input;
  // Removes this version only; without a version id, whatever the key holds (a later post is a leftover too).
  const discard = () => ports.media.deleteObject(object.key, object.versionId);
  const leftover = async (why: string): Promise<Verdict> => {
    await discard();
    return { kind: 'leftover', why };
  };
  const ref = parseQuarantineKey(object.key);
  if (!ref) return leftover('not an upload key');
  const attachment = await ports.attachments.getAttachment(ref.caseId, ref.attachmentId);
  if (!attachment || attachment.editionId !== ref.editionId) return leftover('no such attachment (deleted meanwhile?)');
  if (attachment.status !== 'pending') return leftover(`attachment already ${attachment.status}`);
  // S3 names both in every object-created record, s3rver the ETag; a record naming neither pins nothing.
  const claim = object.versionId ?? object.eTag;
  if (!claim) return leftover('the event names no version of the object');
  if ((attachment.verifying !== undefined && attachment.verifying !== claim) || !(await ports.attachments.claimVerification(attachment, claim))) {
    return leftover('another upload to the same form is verified, or it was decided meanwhile');
  }

  let verdict = await judge(ports, attachment, object, arrivedAt);
  if (verdict.kind === 'ready') verdict = await publish(ports, attachment, object, claim, verdict.sha256);
  else if (verdict.kind === 'rejected') await reject(ports, attachment, verdict.reason, claim);
  else {
    // Gone: replaced (or removed) before it could be read. This post holds the claim, so no other decides.
    await reject(ports, attachment, rejections.replaced(), claim);
    // Without a version id the key now holds the replacing bytes, which are not this event's to remove.
    if (object.versionId) await discard();
    return verdict;
  }
  await discard();
  return verdict;
}
