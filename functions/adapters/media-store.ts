/** The media bucket: presigned uploads and downloads, and the verifier's reads, copies and deletes. */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, NoSuchKey } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DOWNLOAD_URL_SECONDS, SNIFF_BYTES } from '#domain/uploads';
import { s3, s3Env } from './s3-client.ts';

export interface UploadForm {
  method: 'POST';
  url: string;
  fields: Record<string, string>;
  expiresAt: string;
}

/**
 * A presigned POST whose policy pins the exact key, the content type and the exact size, and expires at
 * `expiresAt` (S3 takes whole seconds).
 */
export async function presignUpload(key: string, contentType: string, size: number, expiresAt: Date, now: Date): Promise<UploadForm> {
  const expires = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  const post = await createPresignedPost(s3, {
    Bucket: s3Env.BUCKET_NAME,
    Key: key,
    Conditions: [
      ['eq', '$key', key],
      ['eq', '$Content-Type', contentType],
      ['content-length-range', size, size],
    ],
    Fields: { 'Content-Type': contentType },
    Expires: expires,
  });
  return { method: 'POST', url: post.url, fields: post.fields, expiresAt: new Date(now.getTime() + expires * 1000).toISOString() };
}

export function presignDownload(key: string, contentType: string, disposition: string): Promise<string> {
  return getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: s3Env.BUCKET_NAME, Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
    { expiresIn: DOWNLOAD_URL_SECONDS },
  );
}

/**
 * One stored version of an object, as an object-created event names it. S3 (the bucket is versioned) gives both;
 * storage without versioning (s3rver locally) gives the ETag only, which then alone pins the bytes.
 */
export interface ObjectVersion {
  key: string;
  versionId?: string | undefined;
  eTag?: string | undefined;
}

/**
 * Whether an error means this version of the object is not there. No function may list the bucket, so S3
 * answers a missing key or version with 403, not 404; a 412 means the key now holds other bytes (If-Match).
 * All three mean "gone" to the verifier (its grants on the key are pinned by the infra tests).
 */
function isGone(err: unknown): boolean {
  if (err instanceof NotFound || err instanceof NoSuchKey) return true;
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 403 || status === 404 || status === 412;
}

const unquote = (eTag: string) => eTag.replace(/^(W\/)?"|"$/g, '');

/** The conditions that pin a read to the version: its id, and If-Match on its ETag. */
const pinned = (o: ObjectVersion) => ({
  Bucket: s3Env.BUCKET_NAME,
  Key: o.key,
  ...(o.versionId ? { VersionId: o.versionId } : {}),
  ...(o.eTag ? { IfMatch: `"${unquote(o.eTag)}"` } : {}),
});

/**
 * Whether an answer came from the pinned version. S3 refuses a mismatch itself (412); storage that ignores
 * If-Match (s3rver) answers with the current object, whose ETag then gives it away.
 */
const sameVersion = (o: ObjectVersion, eTag: string | undefined) => !o.eTag || (eTag !== undefined && unquote(eTag) === unquote(o.eTag));

/** The version's size, or undefined when it is gone (moved, deleted or replaced). */
export async function sizeOf(o: ObjectVersion): Promise<number | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand(pinned(o)));
    return sameVersion(o, head.ETag) ? head.ContentLength : undefined;
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
}

/**
 * Streams the version once: its SHA-256 (hex) and its first bytes, or undefined when it is gone. Memory stays
 * constant whatever the size, so a 2 GiB video needs no 2 GiB of memory. Without a version id the bytes read
 * must also hash to the ETag (a single-part upload's ETag is its MD5 under SSE-S3): storage that ignores If-Match
 * may be overwriting the object while it is read, and then these bytes are nobody's upload.
 */
export async function digest(o: ObjectVersion): Promise<{ sha256: string; head: Uint8Array } | undefined> {
  let body: Readable;
  try {
    const out = await s3.send(new GetObjectCommand(pinned(o)));
    body = out.Body as Readable;
    if (!sameVersion(o, out.ETag)) {
      body.destroy();
      return undefined;
    }
  } catch (err) {
    if (isGone(err)) return undefined;
    throw err;
  }
  const hash = createHash('sha256');
  const md5 = !o.versionId && o.eTag ? createHash('md5') : undefined;
  const head = new Uint8Array(SNIFF_BYTES);
  let filled = 0;
  for await (const chunk of body) {
    const bytes = chunk as Buffer;
    if (filled < SNIFF_BYTES) {
      const take = bytes.subarray(0, SNIFF_BYTES - filled);
      head.set(take, filled);
      filled += take.length;
    }
    hash.update(bytes);
    md5?.update(bytes);
  }
  if (md5 && md5.digest('hex') !== unquote(o.eTag!)) return undefined;
  return { sha256: hash.digest('hex'), head: head.subarray(0, filled) };
}

/**
 * Copies exactly this version to `to` (versionId and x-amz-copy-source-if-match): true when copied, false when
 * the version is gone (S3 answers 412 when the key now holds other bytes).
 */
export async function copyObject(from: ObjectVersion, to: string): Promise<boolean> {
  const source = `${s3Env.BUCKET_NAME}/${from.key.split('/').map(encodeURIComponent).join('/')}`;
  try {
    await s3.send(
      new CopyObjectCommand({
        Bucket: s3Env.BUCKET_NAME,
        Key: to,
        CopySource: from.versionId ? `${source}?versionId=${encodeURIComponent(from.versionId)}` : source,
        ...(from.eTag ? { CopySourceIfMatch: `"${unquote(from.eTag)}"` } : {}),
        MetadataDirective: 'COPY',
      }),
    );
    return true;
  } catch (err) {
    if (isGone(err)) return false;
    throw err;
  }
}

/**
 * Deletes an object, or only the given version of it (for good: no delete marker). Deleting one that is not
 * there is fine (S3 answers 204 either way).
 */
export async function deleteObject(key: string, versionId?: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: s3Env.BUCKET_NAME, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
}
