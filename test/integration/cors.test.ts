/**
 * CORS locally as on AWS: the local bucket (s3rver) gets the media bucket's rules (mediaCorsRules) for the origins
 * it is started with, the local API's preflights carry Access-Control-Max-Age, and startLocalEnvironment's
 * corsOrigins reaches the server, the handlers and the bucket alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { mediaCorsRules } from '../../functions/adapters/bucket-design.ts';
import { CORS_MAX_AGE_SECONDS } from '../../functions/shared/http.ts';
import { ROUTES } from '../../functions/shared/routes.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb.ts';
import { FUNCTIONS_DIR, LOCAL_BUCKET_NAME, startLocalEnvironment, type LocalEnvironment } from '../../lib/local/environment.ts';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3.ts';
import { createLocalServer, listen } from '../../lib/local/server.ts';
import { devCorsOrigins } from '../../lib/stage-config.ts';

const BUCKET = 'it-cors-media';
/** A page origin of the test's own (not one of cdk.json's), and one nobody allows. */
const PAGE = 'http://127.0.0.1:4999';
const FOREIGN = 'https://evil.example';
const [UPLOADS, DOWNLOADS] = mediaCorsRules([PAGE]);

const list = (header: string | null) => (header ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
const lower = (names: readonly string[]) => names.map((n) => n.toLowerCase());

function preflight(url: string, origin: string, method: string, headers?: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, ...(headers ? { 'access-control-request-headers': headers } : {}) },
  });
}

describe('the local bucket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-it-cors-'));
  const logged: string[] = [];
  let media: LocalS3;
  let s3: S3Client;
  let bucketUrl: string;

  beforeAll(async () => {
    media = await startLocalS3(dir, BUCKET, [], (line) => logged.push(line), '127.0.0.1', [PAGE]);
    s3 = new S3Client({ endpoint: media.endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    bucketUrl = `${media.endpoint}/${BUCKET}`;
  });
  afterAll(async () => {
    s3?.destroy();
    await media?.stop();
    rmSync(dir, { recursive: true, force: true });
    expect(logged).toEqual([]);
  });

  it('answers an upload preflight from an allowed origin: POST with content-type', async () => {
    const res = await preflight(bucketUrl, PAGE, 'POST', 'content-type');
    expect(res.status).toBe(200);
    // s3rver answers a preflight with *, S3 with the origin: a browser takes either (no credentials are sent).
    expect([PAGE, '*']).toContain(res.headers.get('access-control-allow-origin'));
    expect(list(res.headers.get('access-control-allow-methods'))).toEqual(['post']);
    expect(list(res.headers.get('access-control-allow-headers'))).toEqual(['content-type']);
  });

  it('refuses a preflight from a foreign origin, for a method or a header no rule allows (403, no CORS headers)', async () => {
    for (const [origin, method, headers] of [
      [FOREIGN, 'POST', 'content-type'],
      [PAGE, 'PUT', undefined],
      [PAGE, 'DELETE', undefined],
      [PAGE, 'POST', 'x-amz-meta-note'],
      // cdk.json's dev origins are not this bucket's: the origins it was started with replace them.
      [devCorsOrigins()[0]!, 'POST', 'content-type'],
    ] as const) {
      const res = await preflight(bucketUrl, origin, method, headers);
      expect(res.status, `${origin} ${method} ${headers}`).toBe(403);
      expect(res.headers.get('access-control-allow-origin'), `${origin} ${method}`).toBeNull();
    }
  });

  it('lets the page read the answer of a presigned POST: the origin and the upload rule\'s exposed headers', async () => {
    const key = 'quarantine/2026/upload-from-a-page';
    const post = await createPresignedPost(s3, { Bucket: BUCKET, Key: key, Conditions: [['eq', '$Content-Type', 'application/pdf']], Fields: { 'Content-Type': 'application/pdf' }, Expires: 60 });
    const form = () => {
      const f = new FormData();
      for (const [k, v] of Object.entries(post.fields)) f.append(k, v);
      f.append('file', new Blob(['%PDF-1.7 a page']), 'a.pdf');
      return f;
    };
    const res = await fetch(post.url, { method: 'POST', headers: { origin: PAGE }, body: form() });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(list(res.headers.get('access-control-expose-headers'))).toEqual(lower(UPLOADS!.exposedHeaders));
    expect(list(res.headers.get('vary'))).toContain('origin');

    const foreign = await fetch(post.url, { method: 'POST', headers: { origin: FOREIGN }, body: form() });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets the page read a presigned download (GET and HEAD): the origin and the download rule\'s exposed headers', async () => {
    const key = 'cases/2026/download-to-a-page';
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: '%PDF-1.7 case study', ContentType: 'application/pdf' }));
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: BUCKET, Key: key, ResponseContentDisposition: 'attachment; filename="case.pdf"', ResponseContentType: 'application/pdf' }),
      { expiresIn: 60 },
    );
    for (const method of ['GET', 'HEAD']) {
      const res = await fetch(url, { method, headers: { origin: PAGE } });
      expect(res.status, method).toBe(200);
      expect(res.headers.get('access-control-allow-origin'), method).toBe(PAGE);
      expect(list(res.headers.get('access-control-expose-headers')), method).toEqual(lower(DOWNLOADS!.exposedHeaders));
      // What the exposed headers let a script read.
      expect(res.headers.get('content-disposition'), method).toBe('attachment; filename="case.pdf"');
      expect(res.headers.get('etag'), method).toBeTruthy();
      await res.arrayBuffer();
    }
    const ranged = await preflight(url, PAGE, 'GET', 'range');
    expect(ranged.status).toBe(200);
    expect(list(ranged.headers.get('access-control-allow-headers'))).toEqual(['range']);

    const foreign = await fetch(url, { headers: { origin: FOREIGN } });
    // s3rver serves the bytes (so does S3); without the header the browser withholds them from the page.
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    await foreign.arrayBuffer();
  });
});

describe('the local API server', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const secret = Buffer.alloc(32, 4);
    server = createLocalServer({ port: 0, routes: ROUTES, functionsDir: FUNCTIONS_DIR, secret, corsOrigins: [PAGE] });
    base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('lets a browser cache its preflight answer as long as API Gateway does, for an allowed origin only', async () => {
    const res = await preflight(`${base}/cases/x`, PAGE, 'PATCH', 'authorization,content-type,if-match');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect(res.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE_SECONDS));

    const foreign = await preflight(`${base}/cases/x`, FOREIGN, 'PATCH');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('access-control-max-age')).toBeNull();
  });
});

describe('startLocalEnvironment with corsOrigins', () => {
  let env: LocalEnvironment;
  beforeAll(async () => {
    env = await startLocalEnvironment({ port: 0, host: '127.0.0.1', seed: false, corsOrigins: [PAGE] });
  });
  afterAll(async () => {
    await env?.stop();
  });

  it("answers that origin, and not the dev stage's, from the server, the handlers and the bucket", async () => {
    const dev = devCorsOrigins()[0]!;
    const serverPreflight = await preflight(`${env.url}/editions`, PAGE, 'GET', 'authorization');
    expect(serverPreflight.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect((await preflight(`${env.url}/editions`, dev, 'GET')).headers.get('access-control-allow-origin')).toBeNull();

    const handled = await fetch(`${env.url}/editions`, { headers: { origin: PAGE } });
    expect(handled.status).toBe(200);
    expect(handled.headers.get('access-control-allow-origin')).toBe(PAGE);
    await handled.arrayBuffer();
    const notHandled = await fetch(`${env.url}/editions`, { headers: { origin: dev } });
    expect(notHandled.headers.get('access-control-allow-origin')).toBeNull();
    await notHandled.arrayBuffer();

    const bucket = `${env.s3.endpoint}/${LOCAL_BUCKET_NAME}`;
    expect((await preflight(bucket, PAGE, 'POST', 'content-type')).status).toBe(200);
    expect((await preflight(bucket, dev, 'POST', 'content-type')).status).toBe(403);
  });
});
