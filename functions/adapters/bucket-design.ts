/**
 * The media bucket's layout. Uploads land under quarantine/ and nobody reads them there; the verifier moves
 * what passes to cases/. The CDK grants and the S3 notification filter read these prefixes. No AWS imports.
 */
export const PREFIXES = { quarantine: 'quarantine/', cases: 'cases/' } as const;
export type Prefix = keyof typeof PREFIXES;

export interface ObjectRef {
  editionId: string;
  caseId: string;
  attachmentId: string;
}

export const objectKeys = {
  quarantine: (r: ObjectRef) => `${PREFIXES.quarantine}${r.editionId}/${r.caseId}/${r.attachmentId}`,
  verified: (r: ObjectRef) => `${PREFIXES.cases}${r.editionId}/${r.caseId}/${r.attachmentId}`,
};

const QUARANTINE_KEY = /^quarantine\/([0-9]{4}(?:-[a-z0-9-]{1,40})?)\/([0-9A-HJKMNP-TV-Z]{26})\/([0-9A-HJKMNP-TV-Z]{26})$/;

/** The ids in a quarantine key, or undefined for any other key. */
export function parseQuarantineKey(key: string): ObjectRef | undefined {
  const m = QUARANTINE_KEY.exec(key);
  return m ? { editionId: m[1]!, caseId: m[2]!, attachmentId: m[3]! } : undefined;
}

/** How long a browser may cache the answer to a preflight to the bucket (seconds). */
export const MEDIA_CORS_MAX_AGE_SECONDS = 3600;

/**
 * One CORS rule of the media bucket, in S3's own terms (a CORSRule of PutBucketCors). The CDK bucket and the local
 * s3rver are both configured from mediaCorsRules, so a page that works against one works against the other.
 */
export interface MediaCorsRule {
  id: string;
  allowedMethods: ('GET' | 'HEAD' | 'POST')[];
  allowedOrigins: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  maxAgeSeconds: number;
}

/**
 * The media bucket's CORS rules for the stage's browser origins. Uploads: the presigned POST, a multipart form
 * (XMLHttpRequest preflights it when the page listens to upload progress). Its answer is S3's default 204 (the form
 * sets no success_action_status), with the object's ETag and Location. Downloads and previews: GET and HEAD of a
 * presigned URL, Range for seeking in audio and video, and the headers a page reads to show the file.
 */
export function mediaCorsRules(origins: readonly string[]): MediaCorsRule[] {
  return [
    {
      id: 'Uploads',
      allowedMethods: ['POST'],
      allowedOrigins: [...origins],
      allowedHeaders: ['Content-Type'],
      exposedHeaders: ['ETag', 'Location'],
      maxAgeSeconds: MEDIA_CORS_MAX_AGE_SECONDS,
    },
    {
      id: 'Downloads',
      allowedMethods: ['GET', 'HEAD'],
      allowedOrigins: [...origins],
      allowedHeaders: ['Range', 'If-None-Match', 'If-Modified-Since'],
      exposedHeaders: ['Content-Length', 'Content-Type', 'Content-Disposition', 'Content-Range', 'Accept-Ranges', 'ETag'],
      maxAgeSeconds: MEDIA_CORS_MAX_AGE_SECONDS,
    },
  ];
}
