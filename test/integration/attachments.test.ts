/**
 * Uploads through the local environment: the API signs a POST, the client sends the file straight to the
 * storage (s3rver) with multipart/form-data, the storage's object-created event runs the verifier.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ROUTES } from '../../functions/shared/routes.ts';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { objectKeys } from '../../functions/adapters/bucket-design.ts';
import { FUNCTIONS_DIR, localRoutes, workerBindings } from '../../lib/local/environment.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../lib/local/dynamodb.ts';
import { startLocalS3, type LocalS3 } from '../../lib/local/s3.ts';
import { createLocalServer, listen } from '../../lib/local/server.ts';
import { signToken } from '../../lib/local/tokens.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';

const BUCKET = 'it-media';
const secret = Buffer.alloc(32, 3);
let server: Server;
let media: LocalS3;
let base: string;
let s3: S3Client;
const dir = mkdtempSync(join(tmpdir(), 'pc-it-s3-'));
const deadLetters: string[] = [];
/** What the local S3 says about its own process (a restart), apart from dead letters. */
const lifeLines: string[] = [];

beforeAll(async () => {
  media = await startLocalS3(dir, BUCKET, workerBindings(), (line) => (line.startsWith('s3rver ') ? lifeLines : deadLetters).push(line));
  Object.assign(process.env, { AWS_ENDPOINT_URL_S3: media.endpoint, S3_FORCE_PATH_STYLE: 'true', BUCKET_NAME: BUCKET });
  s3 = new S3Client({ endpoint: media.endpoint, forcePathStyle: true, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  server = createLocalServer({ port: 0, routes: ROUTES, functionsDir: FUNCTIONS_DIR, secret, localRoutes: localRoutes(secret, undefined) });
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await media.stop();
  rmSync(dir, { recursive: true, force: true });
  expect(deadLetters).toEqual([]);
});

const token = (sub: string, groups: ('organisers' | 'reviewers')[] = []) => signToken({ sub, email: `${sub}@example.org`, groups }, secret);

async function call(method: string, path: string, t?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...headers, ...(t ? { authorization: `Bearer ${t}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

interface Started {
  attachment: { attachmentId: string; status: string };
  upload: { url: string; fields: Record<string, string> };
}

/** What a browser does with the answer: every field, then the file, as multipart/form-data. */
async function upload(started: Started, bytes: Buffer, fileName = 'file.bin', mustSucceed = true) {
  const form = new FormData();
  for (const [k, v] of Object.entries(started.upload.fields)) form.append(k, v);
  form.append('file', new Blob([bytes]), fileName);
  // s3rver may reset a connection while it still works on an earlier raced post: a transport fault, sent again once
  // (the form may be posted more than once before it expires, as a browser's retry would).
  const post = () => fetch(started.upload.url, { method: 'POST', body: form });
  const res = await post().catch((err: unknown) => {
    if (!mustSucceed || !(err instanceof TypeError)) throw err;
    return new Promise((r) => setTimeout(r, 200)).then(post);
  });
  if (mustSucceed) expect(res.status).toBeLessThan(300);
  await res.arrayBuffer();
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch {
    return false;
  }
}

const pdf = (n: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(n - 9, 0x41)]);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

async function draftCase(owner: string) {
  const editionId = await openEdition();
  const created = await call('POST', `/editions/${editionId}/cases`, owner, { title: 'With files' });
  return { editionId, caseId: String(created.json?.caseId) };
}

const ref = (editionId: string, caseId: string, attachmentId: string) => ({ editionId, caseId, attachmentId });

describe('uploads through presigned POSTs', () => {
  it('uploads, verifies and serves back the same bytes', async () => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    const bytes = pdf(4096);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'Bericht Köln.pdf', contentType: 'application/pdf', size: bytes.length, purpose: 'supporting' })).json as unknown as Started;
    expect(started.attachment.status).toBe('pending');
    await upload(started, bytes);
    await media.idle();

    const got = await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann);
    expect(got.json).toMatchObject({ status: 'ready', sha256: createHash('sha256').update(bytes).digest('hex'), rejectionReason: null });
    const download = await fetch(String(got.json?.downloadUrl));
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''Bericht%20K%C3%B6ln.pdf");

    const r = ref(editionId, caseId, started.attachment.attachmentId);
    expect(await exists(objectKeys.quarantine(r))).toBe(false);
    expect(await exists(objectKeys.verified(r))).toBe(true);
    const list = await call('GET', `/cases/${caseId}/attachments`, ann);
    expect((list.json?.items as { status: string }[]).map((a) => a.status)).toEqual(['ready']);
  });

  it('rejects a file whose bytes are not the declared type, and removes it', async () => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'photo.png', contentType: 'image/png', size: 2048, purpose: 'supporting' })).json as unknown as Started;
    await upload(started, pdf(2048));
    await media.idle();
    const got = await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann);
    expect(got.json).toMatchObject({
      status: 'rejected',
      rejectionCode: 'type-mismatch',
      rejectionReason: 'The file is a PDF but was declared as image/png. Upload it again with the type application/pdf.',
    });
    expect(got.json).not.toHaveProperty('downloadUrl');
    // The reason is worded when read, in the reader's language; the code stays.
    const inChinese = await call('GET', `/cases/${caseId}/attachments`, ann, undefined, { 'accept-language': 'zh-CN' });
    expect((inChinese.json?.items as Record<string, unknown>[])[0]).toMatchObject({
      rejectionCode: 'type-mismatch',
      rejectionReason: '该文件是 PDF 文件，但声明的类型为 image/png。请以类型 application/pdf 重新上传。',
    });
    const r = ref(editionId, caseId, started.attachment.attachmentId);
    expect(await exists(objectKeys.quarantine(r))).toBe(false);
    expect(await exists(objectKeys.verified(r))).toBe(false);
  });

  it('rejects a file of another size than declared (s3rver does not enforce the policy; the verifier does)', async () => {
    const ann = token(uniq('ann'));
    const { caseId } = await draftCase(ann);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.png', contentType: 'image/png', size: 5000, purpose: 'supporting' })).json as unknown as Started;
    await upload(started, png);
    await media.idle();
    expect((await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).json).toMatchObject({
      rejectionCode: 'size-mismatch',
      rejectionReason: expect.stringContaining('but was declared as 5000 bytes'),
    });
  });

  it('handles a duplicated event without harm', async () => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.png', contentType: 'image/png', size: png.length, purpose: 'supporting' })).json as unknown as Started;
    await upload(started, png);
    await media.idle();
    const r = ref(editionId, caseId, started.attachment.attachmentId);
    const [verify] = workerBindings();
    await verify!.handle({
      Records: [{ eventName: 'ObjectCreated:Post', eventTime: new Date().toISOString(), s3: { object: { key: objectKeys.quarantine(r) } } }],
    } as never);
    expect((await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).json?.status).toBe('ready');
    expect(await exists(objectKeys.verified(r))).toBe(true);
  });

  it('leaves nothing behind when the attachment is deleted while verification runs', async () => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    const bytes = pdf(256 * 1024);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.pdf', contentType: 'application/pdf', size: bytes.length, purpose: 'supporting' })).json as unknown as Started;
    await upload(started, bytes); // the verifier starts now
    const deleted = await call('DELETE', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann);
    expect([204, 409]).toContain(deleted.status); // 409 only if verification finished between read and delete
    if (deleted.status === 409) expect((await call('DELETE', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).status).toBe(204);
    await media.idle();
    const r = ref(editionId, caseId, started.attachment.attachmentId);
    expect((await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).status).toBe(404);
    expect(await exists(objectKeys.quarantine(r))).toBe(false);
    expect(await exists(objectKeys.verified(r))).toBe(false);
  });

  it('removes an object whose attachment was deleted before it arrived', async () => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.png', contentType: 'image/png', size: png.length, purpose: 'supporting' })).json as unknown as Started;
    expect((await call('DELETE', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).status).toBe(204);
    await upload(started, png);
    await media.idle();
    expect(await exists(objectKeys.quarantine(ref(editionId, caseId, started.attachment.attachmentId)))).toBe(false);
  });
});

describe('an upload form posted twice, or a post aborted midway', () => {
  const raced = (bytes: Buffer) => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(bytes.length - 2, 0x90)]);

  it.each([0, 20, 50, 100, 250])('serves only the verified bytes when a same-size MZ file follows the PDF after %i ms', async (delay) => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    const bytes = pdf(1024 * 1024);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.pdf', contentType: 'application/pdf', size: bytes.length, purpose: 'supporting' })).json as unknown as Started;
    // The second post lands while the first is being verified (or, at the longer delays, after).
    await upload(started, bytes);
    await new Promise((r) => setTimeout(r, delay));
    // Storage racing itself may refuse it, reset it, or (s3rver, its request failing inside) never answer: all fine.
    await Promise.race([upload(started, raced(bytes), 'a.exe', false).catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    await media.idle();

    const got = (await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).json!;
    const r = ref(editionId, caseId, started.attachment.attachmentId);
    if (got.status === 'ready') {
      const served = await download(String(got.downloadUrl));
      expect(createHash('sha256').update(served).digest('hex')).toBe(got.sha256);
      expect(served.subarray(0, 4).toString()).toBe('%PDF');
    } else {
      expect(got).not.toHaveProperty('downloadUrl');
      expect(await exists(objectKeys.verified(r))).toBe(false);
    }
    expect(got.status).not.toBe('pending');
    expect(await exists(objectKeys.quarantine(r))).toBe(false);
  });

  /**
   * The verified file as a client downloads it. s3rver, still busy with the raced post, may reset a connection: a
   * transport fault, tried again (at most three times); what is served is still checked byte for byte.
   */
  async function download(url: string): Promise<Buffer> {
    for (let attempt = 1; ; attempt++) {
      try {
        return Buffer.from(await (await fetch(url)).arrayBuffer());
      } catch (err) {
        if (!(err instanceof TypeError) || attempt === 3) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  /** Sends the head of a multipart POST and part of its body to the storage, then drops the connection. */
  async function abortedPost(started: Started) {
    const url = new URL(started.upload.url);
    const boundary = 'aborted-boundary';
    const fields = Object.entries(started.upload.fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    const part = `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 and then nothing`;
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
    socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${part.length + 100_000}\r\n\r\n${part}`);
    await new Promise((r) => setTimeout(r, 100));
    socket.destroy();
  }

  it('keeps the API and the storage answering after an aborted multipart POST', async () => {
    const ann = token(uniq('ann'));
    const { caseId } = await draftCase(ann);
    const body = { fileName: 'a.pdf', contentType: 'application/pdf', size: 4096, purpose: 'supporting' };
    const aborted = (await call('POST', `/cases/${caseId}/attachments`, ann, body)).json as unknown as Started;
    await abortedPost(aborted);
    await media.idle();
    expect((await call('GET', '/editions')).status).toBe(200);
    const aborts = (await call('GET', `/cases/${caseId}/attachments/${aborted.attachment.attachmentId}`, ann)).json!;
    expect(aborts).not.toHaveProperty('downloadUrl');

    const bytes = pdf(4096);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, body)).json as unknown as Started;
    await upload(started, bytes);
    await media.idle();
    expect((await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).json).toMatchObject({
      status: 'ready',
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('keeps the storage process up when a second post of a form is still arriving while the first is verified and removed', async () => {
    const ann = token(uniq('ann'));
    const { caseId } = await draftCase(ann);
    const first = pdf(64 * 1024);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.pdf', contentType: 'application/pdf', size: first.length, purpose: 'supporting' })).json as unknown as Started;
    // The second post: its fields and half its file now, the rest once the first post has been verified and removed.
    const url = new URL(started.upload.url);
    const boundary = 'second-post';
    const fields = Object.entries(started.upload.fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    const head = Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const second = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(first.length - 2, 0x42)]);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const socket = connect(Number(url.port), url.hostname);
    await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
    socket.on('error', () => undefined);
    socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${head.length + second.length + tail.length}\r\nConnection: close\r\n\r\n`);
    socket.write(Buffer.concat([head, second.subarray(0, second.length / 2)]));
    await upload(started, first);
    await media.idle();
    socket.end(Buffer.concat([second.subarray(second.length / 2), tail]));
    await Promise.race([new Promise((r) => socket.once('close', r)), new Promise((r) => setTimeout(r, 5000))]);
    socket.destroy();
    await media.idle();

    expect(lifeLines.filter((l) => l.startsWith('s3rver exited'))).toEqual([]);
    expect((await fetch(`${media.endpoint}/${BUCKET}`)).status).toBe(200);
    // s3rver (unlike S3) writes the second post over the first one's file, so the verdict may be either; never other bytes as ready.
    const answer = (await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).json!;
    if (answer.status === 'ready') expect(answer.sha256).toBe(createHash('sha256').update(first).digest('hex'));
    else expect(answer).toMatchObject({ status: 'rejected', sha256: null });
    // And the storage takes the next upload as before.
    const again = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'c.pdf', contentType: 'application/pdf', size: first.length, purpose: 'supporting' })).json as unknown as Started;
    await upload(again, first);
    await media.idle();
    expect((await call('GET', `/cases/${caseId}/attachments/${again.attachment.attachmentId}`, ann)).json).toMatchObject({ status: 'ready' });
  });

  it('restarts the storage when its process dies, on the same endpoint, and says so', async () => {
    const children = execFileSync('pgrep', ['-P', String(process.pid), '-f', 's3-child']).toString().trim().split('\n').map(Number);
    expect(children).toHaveLength(1);
    process.kill(children[0]!, 'SIGKILL');
    await vi.waitFor(() => expect(lifeLines.some((l) => l.startsWith('s3rver exited'))).toBe(true));
    expect((await call('GET', '/editions')).status).toBe(200);
    await vi.waitFor(async () => expect((await fetch(`${media.endpoint}/${BUCKET}`)).status).toBe(200), { timeout: 5000 });

    const ann = token(uniq('ann'));
    const { caseId } = await draftCase(ann);
    const bytes = pdf(2048);
    const started = (await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.pdf', contentType: 'application/pdf', size: bytes.length, purpose: 'supporting' })).json as unknown as Started;
    await upload(started, bytes);
    await media.idle();
    expect((await call('GET', `/cases/${caseId}/attachments/${started.attachment.attachmentId}`, ann)).json?.status).toBe('ready');
  });
});

describe('bad input leaves nothing behind', () => {
  it('answers each bad request with a clear 4xx problem and writes nothing', async () => {
    const ann = token(uniq('ann'));
    const { caseId } = await draftCase(ann);
    const ok = { fileName: 'a.pdf', contentType: 'application/pdf', size: 100, purpose: 'supporting' };
    const bad: [Record<string, unknown>, string][] = [
      [{ fileName: 'dir/a.pdf' }, 'path-separator'],
      [{ fileName: 'a\u0001.pdf' }, 'control-character'],
      [{ fileName: `${'x'.repeat(296)}.pdf` }, 'too-long'],
      [{ contentType: 'text/html' }, 'invalid-value'],
      [{ size: 0 }, 'too-short'],
      [{ size: -1 }, 'too-short'],
      [{ size: 21 * 1024 * 1024 }, 'file-too-large'],
    ];
    for (const [over, code] of bad) {
      const res = await call('POST', `/cases/${caseId}/attachments`, ann, { ...ok, ...over });
      expect(res.status, JSON.stringify(over)).toBe(400);
      expect((res.json?.errors as { code: string }[]).map((e) => e.code)).toContain(code);
    }
    expect((await call('GET', `/cases/${caseId}/attachments`, ann)).json?.items).toEqual([]);
  });

  it('refuses the eleventh file of a purpose, and takes one again after a deletion', async () => {
    const ann = token(uniq('ann'));
    const { caseId } = await draftCase(ann);
    const body = { fileName: 'a.pdf', contentType: 'application/pdf', size: 100, purpose: 'supporting' };
    const created = await Promise.all(Array.from({ length: 10 }, () => call('POST', `/cases/${caseId}/attachments`, ann, body)));
    expect(created.map((c) => c.status)).toEqual(Array(10).fill(201));
    const eleventh = await call('POST', `/cases/${caseId}/attachments`, ann, body);
    expect(eleventh.status).toBe(409);
    expect((await call('GET', `/cases/${caseId}/attachments?limit=100`, ann)).json?.items).toHaveLength(10);
    const first = (created[0]!.json as unknown as Started).attachment.attachmentId;
    expect((await call('DELETE', `/cases/${caseId}/attachments/${first}`, ann)).status).toBe(204);
    expect((await call('POST', `/cases/${caseId}/attachments`, ann, body)).status).toBe(201);
  });

  it('refuses uploads once the edition has closed', async () => {
    const ann = token(uniq('ann'));
    const { editionId, caseId } = await draftCase(ann);
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId), UpdateExpression: 'SET deadline = :d', ExpressionAttributeValues: { ':d': new Date(Date.now() - 1000).toISOString() } }));
    const res = await call('POST', `/cases/${caseId}/attachments`, ann, { fileName: 'a.pdf', contentType: 'application/pdf', size: 100, purpose: 'supporting' });
    expect(res.status).toBe(409);
    expect(res.json?.code).toBe('deadline-passed');
    expect((await call('GET', `/cases/${caseId}/attachments`, ann)).json?.items).toEqual([]);
  });
});

describe('object-level authorisation on the attachment routes', () => {
  it('hides them from strangers and reviewers (404), shows organisers, lets only the owner change them', async () => {
    const owner = token(uniq('ann'));
    const { caseId } = await draftCase(owner);
    const started = (await call('POST', `/cases/${caseId}/attachments`, owner, { fileName: 'a.pdf', contentType: 'application/pdf', size: 100, purpose: 'supporting' })).json as unknown as Started;
    const one = `/cases/${caseId}/attachments/${started.attachment.attachmentId}`;
    const body = { fileName: 'b.pdf', contentType: 'application/pdf', size: 100, purpose: 'supporting' };

    for (const t of [token(uniq('ben')), token(uniq('rita'), ['reviewers'])]) {
      expect((await call('POST', `/cases/${caseId}/attachments`, t, body)).status).toBe(404);
      expect((await call('GET', `/cases/${caseId}/attachments`, t)).status).toBe(404);
      expect((await call('GET', one, t)).status).toBe(404);
      expect((await call('DELETE', one, t)).status).toBe(404);
    }
    const organiser = token(uniq('olga'), ['organisers']);
    expect((await call('GET', `/cases/${caseId}/attachments`, organiser)).status).toBe(200);
    expect((await call('GET', one, organiser)).status).toBe(200);
    expect((await call('POST', `/cases/${caseId}/attachments`, organiser, body)).status).toBe(403);
    expect((await call('DELETE', one, organiser)).status).toBe(403);
    // An attachment id under another case is not found, even for the owner of that other case.
    const other = await draftCase(owner);
    expect((await call('GET', `/cases/${other.caseId}/attachments/${started.attachment.attachmentId}`, owner)).status).toBe(404);
  });

  it('lets an assigned reviewer download verified files through a short URL, read-only, and nobody else on the committee', async () => {
    const ownerSub = uniq('ann');
    const owner = token(ownerSub);
    const { editionId, caseId } = await draftCase(owner);
    await call('PATCH', `/cases/${caseId}`, owner, completeFields);
    const bytes = pdf(3000);
    const started = (await call('POST', `/cases/${caseId}/attachments`, owner, { fileName: 'evidence.pdf', contentType: 'application/pdf', size: bytes.length, purpose: 'supporting' })).json as unknown as Started;
    await upload(started, bytes);
    await media.idle();
    expect((await call('POST', `/cases/${caseId}/submit`, owner)).status).toBe(200);
    const organiser = token(uniq('olga'), ['organisers']);
    expect((await call('POST', `/editions/${editionId}/close`, organiser)).status).toBe(200);
    const ritaSub = uniq('rita');
    expect((await call('PUT', `/cases/${caseId}/reviewers/${ritaSub}`, organiser)).status).toBe(201);

    const rita = token(ritaSub, ['reviewers']);
    const one = `/cases/${caseId}/attachments/${started.attachment.attachmentId}`;
    const got = await call('GET', one, rita);
    expect(got.json).toMatchObject({ status: 'ready' });
    const download = await fetch(String(got.json?.downloadUrl));
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await call('DELETE', one, rita)).status).toBe(403);
    expect((await call('GET', one, token(uniq('ravi'), ['reviewers']))).status).toBe(404);
  });
});
