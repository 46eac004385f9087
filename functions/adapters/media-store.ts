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
 * Whether an error means the object is not there. No function may list the bucket, so S3 answers a missing
 * key with 403, not 404: both mean "gone" to the verifier (its grants on the key are pinned by the infra tests).
 */
function isMissing(err: unknown): boolean {
  if (err instanceof NotFound || err instanceof NoSuchKey) return true;
  const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 403 || status === 404;
}

/** The object's size, or undefined when it is not there (already moved or deleted). */
export async function sizeOf(key: string): Promise<number | undefined> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: s3Env.BUCKET_NAME, Key: key }));
    return head.ContentLength;
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
}

/**
 * Streams the object once: its SHA-256 (hex) and its first bytes. Memory stays constant whatever the size,
 * so a 2 GiB video needs no 2 GiB of memory.
 */
export async function digest(key: string): Promise<{ sha256: string; head: Uint8Array } | undefined> {
  let body: Readable;
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: s3Env.BUCKET_NAME, Key: key }));
    body = out.Body as Readable;
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  const hash = createHash('sha256');
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
  }
  return { sha256: hash.digest('hex'), head: head.subarray(0, filled) };
}

export async function copyObject(from: string, to: string): Promise<void> {
  await s3.send(
    new CopyObjectCommand({
      Bucket: s3Env.BUCKET_NAME,
      Key: to,
      CopySource: `${s3Env.BUCKET_NAME}/${from.split('/').map(encodeURIComponent).join('/')}`,
      MetadataDirective: 'COPY',
    }),
  );
}

/** Deletes an object; deleting one that is not there is fine (S3 answers 204 either way). */
export async function deleteObject(key: string): Promise<void> {
  await s3.send(new DeleteObjectCommand({ Bucket: s3Env.BUCKET_NAME, Key: key }));
}
