/**
 * A page in headless Chromium, as a front-end developer's would be: served from an allowed origin, it signs in
 * locally, creates a case, uploads a file straight to the bucket with XMLHttpRequest (progress events and all),
 * polls the attachment until it is verified and fetches the download. A page from a foreign origin is refused by
 * the API, the local sign-in and the bucket alike. What the page recorded, and what the network carried, is asserted.
 */
import { build } from 'esbuild';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_BUCKET_NAME, startLocalEnvironment, type LocalEnvironment } from '../../lib/local/environment.ts';
import { launchChromium, servePages, type PageServer } from './support/browser.ts';

/** A PDF of `bytes` bytes: the signature the verifier checks, then filler. */
const PDF_BYTES = 2 * 1024 * 1024;

/**
 * The page's script. It reads the API's URL and the edition from its own query string and writes everything it sees
 * into window.__log, so the test asserts what a page could observe (a CORS failure is a TypeError, nothing more).
 */
const APPLICANT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>upload</title></head><body>
<progress id="bar" max="1" value="0"></progress>
<script>
const params = new URLSearchParams(location.search);
const api = params.get('api');
const edition = params.get('edition');
const log = (window.__log = { progress: [], errors: [] });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function upload(target, blob) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(target.fields)) form.append(k, v);
    form.append('file', blob, 'case-study.pdf');
    const xhr = new XMLHttpRequest();
    xhr.upload.onprogress = (e) => {
      log.progress.push([e.loaded, e.total]);
      document.getElementById('bar').value = e.loaded / e.total;
    };
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = () => reject(new Error('the upload failed'));
    xhr.open(target.method, target.url);
    xhr.send(form);
  });
}

async function run() {
  const signIn = await fetch(api + '/local/token', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub: 'browser-ann', email: 'ann@example.org' }),
  });
  const { token } = await signIn.json();
  const headers = { authorization: 'Bearer ' + token, 'content-type': 'application/json' };

  const created = await fetch(api + '/editions/' + edition + '/cases', { method: 'POST', headers, body: JSON.stringify({ title: 'Uploaded from a browser' }) });
  const theCase = await created.json();
  log.created = { status: created.status, location: created.headers.get('location'), etag: created.headers.get('etag'), correlationId: created.headers.get('x-correlation-id') };

  const bytes = new Uint8Array(${PDF_BYTES}).fill(0x41);
  bytes.set(new TextEncoder().encode('%PDF-1.7\\n'));
  const started = await fetch(api + '/cases/' + theCase.caseId + '/attachments', {
    method: 'POST', headers,
    body: JSON.stringify({ fileName: 'case-study.pdf', contentType: 'application/pdf', size: bytes.length, purpose: 'supporting' }),
  });
  const { attachment, upload: target } = await started.json();
  log.attachment = { status: started.status, id: attachment.attachmentId, caseId: theCase.caseId };

  log.uploadStatus = await upload(target, new Blob([bytes], { type: 'application/pdf' }));

  for (let i = 0; i < 150; i++) {
    const res = await fetch(api + '/cases/' + theCase.caseId + '/attachments/' + attachment.attachmentId, { headers });
    const body = await res.json();
    log.polled = body.status;
    if (body.status !== 'pending') { log.downloadUrl = body.downloadUrl; break; }
    await sleep(200);
  }

  const download = await fetch(log.downloadUrl);
  const got = new Uint8Array(await download.arrayBuffer());
  log.download = {
    status: download.status,
    bytes: got.length,
    head: String.fromCharCode(...got.subarray(0, 4)),
    contentType: download.headers.get('content-type'),
    contentLength: download.headers.get('content-length'),
    etag: download.headers.get('etag'),
  };
}
run().then(() => (log.done = true), (e) => { log.errors.push(String(e)); log.done = true; });
</script></body></html>`;

/** The typed example client of the README (web/src/api/example.ts), bundled for the browser as the web app bundles it. */
async function exampleClientBundle(): Promise<string> {
  const out = await build({
    entryPoints: [new URL('../../web/src/api/example.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

/** A page that runs the example client: sign in locally, then draftCaseWithFile with a progress callback. */
const EXAMPLE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>example client</title></head><body>
<script type="module">
import { draftCaseWithFile } from './example.js';
const params = new URLSearchParams(location.search);
const api = params.get('api');
const log = (window.__log = { progress: [], errors: [] });
try {
  const signIn = await fetch(api + '/local/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'browser-bo', email: 'bo@example.org' }) });
  const { token } = await signIn.json();
  const bytes = new Uint8Array(${PDF_BYTES}).fill(0x42);
  bytes.set(new TextEncoder().encode('%PDF-1.7\\n'));
  const result = await draftCaseWithFile({
    baseUrl: api, token, file: new Blob([bytes], { type: 'application/pdf' }), fileName: 'example.pdf', contentType: 'application/pdf',
    onProgress: (loaded, total) => log.progress.push([loaded, total]),
  });
  log.result = { caseId: result.caseId, status: result.attachment.status, sha256: result.attachment.sha256 ?? null };
  const download = await fetch(result.downloadUrl);
  log.downloaded = (await download.arrayBuffer()).byteLength;
} catch (e) {
  log.errors.push(String(e));
}
log.done = true;
</script></body></html>`;

/** A page on an origin the stage does not allow: everything it tries, and how it ends. */
const FOREIGN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>foreign</title></head><body><script>
const params = new URLSearchParams(location.search);
const log = (window.__log = {});
const attempt = (name, p) => p.then((r) => (log[name] = 'status ' + r.status), (e) => (log[name] = 'failed: ' + e.name));
const xhr = (url) => new Promise((resolve) => {
  const x = new XMLHttpRequest();
  x.onload = () => resolve('status ' + x.status);
  x.onerror = () => resolve('failed');
  x.open('POST', url);
  const form = new FormData();
  form.append('key', 'quarantine/x');
  form.append('file', new Blob(['%PDF-1.7']), 'x.pdf');
  x.send(form);
});
Promise.all([
  attempt('editions', fetch(params.get('api') + '/editions')),
  attempt('token', fetch(params.get('api') + '/local/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'mallory', email: 'm@example.org' }) })),
  xhr(params.get('bucket')).then((r) => (log.bucket = r)),
]).then(() => (log.done = true));
</script></body></html>`;

describe('a browser page against npm start', () => {
  let env: LocalEnvironment;
  let browser: Browser;
  let allowed: PageServer;
  let foreign: PageServer;
  let edition: string;

  beforeAll(async () => {
    allowed = await servePages({ '/upload.html': APPLICANT_PAGE, '/example.html': EXAMPLE_PAGE, '/example.js': await exampleClientBundle() });
    foreign = await servePages({ '/foreign.html': FOREIGN_PAGE });
    env = await startLocalEnvironment({ port: 0, host: '127.0.0.1', seed: true, corsOrigins: [allowed.origin] });
    const editions = (await (await fetch(`${env.url}/editions`)).json()) as { items: { editionId: string }[] };
    edition = editions.items[0]!.editionId;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
    await allowed?.close();
    await foreign?.close();
  });

  async function runPage(context: BrowserContext, url: string): Promise<Record<string, unknown>> {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (globalThis as unknown as { __log?: { done?: boolean } }).__log?.done === true, undefined, { timeout: 45_000 });
    return page.evaluate(() => (globalThis as unknown as { __log: Record<string, unknown> }).__log);
  }

  it('creates a case, uploads with progress, sees it verified and downloads it, from an allowed origin', async () => {
    const context = await browser.newContext();
    const responses: { method: string; url: string; status: number }[] = [];
    context.on('response', (r) => responses.push({ method: r.request().method(), url: r.url(), status: r.status() }));
    try {
      const log = await runPage(context, `${allowed.origin}/upload.html?api=${encodeURIComponent(env.url)}&edition=${edition}`);
      expect(log.errors).toEqual([]);
      const created = log.created as Record<string, string | number>;
      expect(created.status).toBe(201);
      // Headers a script may only read when the API exposes them.
      expect(created.location).toMatch(/^\/cases\/[0-9A-Z]{26}$/);
      expect(created.etag).toBe('"1"');
      expect(created.correlationId).toBeTruthy();

      expect((log.attachment as { status: number }).status).toBe(201);
      expect(log.uploadStatus).toBe(204);
      const progress = log.progress as [number, number][];
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(progress.at(-1)![1]).toBeGreaterThanOrEqual(PDF_BYTES);
      expect(progress.map(([loaded]) => loaded)).toEqual([...progress.map(([loaded]) => loaded)].sort((a, b) => a - b));

      expect(log.polled).toBe('ready');
      expect(log.download).toMatchObject({ status: 200, bytes: PDF_BYTES, head: '%PDF', contentType: 'application/pdf', contentLength: String(PDF_BYTES) });
      expect((log.download as { etag: string | null }).etag).toBeTruthy();

      // The network: one storage POST, answered; one attachment, not two.
      const bucketPosts = responses.filter((r) => r.method === 'POST' && r.url.startsWith(env.s3.endpoint));
      expect(bucketPosts).toEqual([expect.objectContaining({ status: 204 })]);
      const { caseId } = log.attachment as { caseId: string };
      const signIn = await fetch(`${env.url}/local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sub: 'browser-ann', email: 'ann@example.org' }) });
      const { token } = (await signIn.json()) as { token: string };
      const listed = (await (await fetch(`${env.url}/cases/${caseId}/attachments`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
      expect(listed.items).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('runs the typed example client of the README in the page: case, upload with progress, verified file, download', async () => {
    const context = await browser.newContext();
    try {
      const log = await runPage(context, `${allowed.origin}/example.html?api=${encodeURIComponent(env.url)}`);
      expect(log.errors).toEqual([]);
      expect(log.result).toMatchObject({ caseId: expect.stringMatching(/^[0-9A-Z]{26}$/), status: 'ready' });
      const progress = log.progress as [number, number][];
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(log.downloaded).toBe(PDF_BYTES);
    } finally {
      await context.close();
    }
  });

  it('refuses a page from a foreign origin: the API, the local sign-in and the bucket', async () => {
    const context = await browser.newContext();
    try {
      const bucket = `${env.s3.endpoint}/${LOCAL_BUCKET_NAME}`;
      const log = await runPage(context, `${foreign.origin}/foreign.html?api=${encodeURIComponent(env.url)}&bucket=${encodeURIComponent(bucket)}`);
      // The browser withholds the answer: the script sees a network error and nothing of the body.
      expect(log).toMatchObject({ editions: 'failed: TypeError', token: 'failed: TypeError', bucket: 'failed' });
    } finally {
      await context.close();
    }
  });
});
