/**
 * Sending a file to the presigned POST that createAttachment answers with, and waiting for its verdict.
 *
 * The file goes straight to storage, not through the API, so the API learns of it only from storage's object-created
 * event: the attachment stays pending until the verifier has checked the file, then turns ready or rejected. When the
 * storage POST's answer cannot be read (the connection dropped, a proxy or CORS hid it), the file may have been stored
 * all the same. So nothing is sent again blindly: the attachment is read until it leaves pending, and the same form is
 * posted again only if it is still pending once verification would have run (the file never arrived). Posting the same
 * form again is safe (the verifier keeps the first file to arrive under it); asking for a new attachment instead would
 * leave the first one behind, a second attachment counted against the case's limit.
 */
import { ok, type ApiClient, type Schemas } from './client';

export type Attachment = Schemas['Attachment'];
export type UploadForm = Schemas['NewAttachment']['upload'];

/** The status of an attachment whose file has not been verified yet (functions/domain/vocabulary.ts, ATTACHMENT_STATUSES). */
const PENDING: Attachment['status'] = 'pending';

export interface UploadOptions {
  /** Bytes sent so far and the total, as the browser reports them. */
  onProgress?: (loaded: number, total: number) => void;
  /** How often to read a pending attachment (ms). */
  pollIntervalMs?: number;
  /**
   * After an answer that could not be read: how long the attachment may stay pending before the file is taken not to
   * have arrived (ms). Verification follows the arrival within seconds, more for large files.
   */
  settleMs?: number;
  /** At most this many posts of the form, the first included. */
  maxPosts?: number;
  signal?: AbortSignal;
}

/** Storage answered, and not with a success: the form or the file was refused (an expired form, a wrong size). Not retried. */
export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly answer: string,
  ) {
    super(`Storage refused the upload (${status})`);
    this.name = 'UploadRefused';
  }
}

/** The file never arrived and the form cannot be posted again (expired, or posted maxPosts times): delete the attachment and start again. */
export class UploadNotDelivered extends Error {
  constructor(readonly attachment: Attachment) {
    super(`The file of ${attachment.fileName} did not reach storage`);
    this.name = 'UploadNotDelivered';
  }
}

type PostOutcome = { kind: 'stored' } | { kind: 'refused'; status: number; answer: string } | { kind: 'unknown' };

/** One multipart POST of the form: every field, then the file (storage ignores fields after the file). */
function postForm(form: UploadForm, file: Blob, options: UploadOptions): Promise<PostOutcome> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
    body.append('file', file);

    const xhr = new XMLHttpRequest();
    xhr.open(form.method, form.url);
    xhr.upload.onprogress = (e) => options.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve({ kind: 'stored' });
      // Status 0: the browser withheld the answer (CORS): whether the file was stored is unknown.
      else if (xhr.status === 0) resolve({ kind: 'unknown' });
      else resolve({ kind: 'refused', status: xhr.status, answer: xhr.responseText });
    };
    xhr.onerror = () => resolve({ kind: 'unknown' });
    xhr.ontimeout = () => resolve({ kind: 'unknown' });
    xhr.onabort = () => reject(new DOMException('The upload was aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

const read = (api: ApiClient, a: Pick<Attachment, 'caseId' | 'attachmentId'>) =>
  ok(api.GET('/cases/{caseId}/attachments/{attachmentId}', { params: { path: { caseId: a.caseId, attachmentId: a.attachmentId } } }));

/**
 * Reads the attachment until it leaves pending, or until `withinMs` has passed (then it answers the pending attachment).
 * A ready attachment carries its downloadUrl; a rejected one its rejectionReason.
 */
export async function waitForVerdict(
  api: ApiClient,
  attachment: Pick<Attachment, 'caseId' | 'attachmentId'>,
  options: { pollIntervalMs?: number; withinMs?: number; signal?: AbortSignal } = {},
): Promise<Attachment> {
  const interval = options.pollIntervalMs ?? 1000;
  const until = Date.now() + (options.withinMs ?? 60_000);
  for (;;) {
    const current = await read(api, attachment);
    if (current.status !== PENDING || Date.now() >= until) return current;
    await sleep(interval, options.signal);
  }
}

/**
 * Uploads `file` with the form createAttachment answered. Resolves once storage has taken the file (a 2xx: the
 * verdict comes later, see waitForVerdict) or, after an answer that could not be read, once the attachment shows the
 * file arrived (then with the attachment, which may already be ready or rejected).
 */
export async function uploadFile(
  api: ApiClient,
  created: Schemas['NewAttachment'],
  file: Blob,
  options: UploadOptions = {},
): Promise<{ stored: true; attachment?: Attachment }> {
  const { upload, attachment } = created;
  const maxPosts = options.maxPosts ?? 3;
  for (let posts = 1; ; posts++) {
    const outcome = await postForm(upload, file, options);
    if (outcome.kind === 'stored') return { stored: true };
    if (outcome.kind === 'refused') throw new UploadRefused(outcome.status, outcome.answer);

    // Unknown: ask the API whether the file arrived before sending it again.
    const current = await waitForVerdict(api, attachment, {
      withinMs: options.settleMs ?? 20_000,
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (current.status !== PENDING) return { stored: true, attachment: current };
    if (posts >= maxPosts || Date.parse(upload.expiresAt) <= Date.now()) throw new UploadNotDelivered(current);
  }
}
