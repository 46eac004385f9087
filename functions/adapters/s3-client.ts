/**
 * The media bucket's S3 client, created once per container. Kept apart from the DynamoDB client so that
 * functions that never touch the bucket do not carry (or start) it.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { loadEnv, optionalOneOf, required } from '#config/env';

export const s3Env = loadEnv({
  BUCKET_NAME: required(),
  /** Path-style addressing, for S3-compatible endpoints without per-bucket host names. */
  S3_FORCE_PATH_STYLE: optionalOneOf(['true', 'false']),
});

export const s3 = new S3Client({
  forcePathStyle: s3Env.S3_FORCE_PATH_STYLE === 'true',
  // Presigned requests must not carry a checksum of an empty body, and uploads are checked by the verifier.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});
