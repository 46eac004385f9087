/**
 * The case's files: the list with each file's status, a preview of ready images and PDFs, and delete; files added by
 * the picker or by dropping them, checked against the server's own limits (functions/domain/uploads.ts) before
 * anything is sent, then sent to storage with a progress bar and a Cancel button, and followed until the verdict.
 *
 * Which files may be added or removed now: supporting files while the case takes changes; presentation materials for
 * an outstanding case until the edition's materials deadline (its owner sees the decision once notified, or once the
 * results are released: the server also requires the notice, and its 409 is shown if there was none).
 */
import { useRef, useState } from 'preact/hooks';
import { MAX_ATTACHMENTS_PER_PURPOSE } from '../../../functions/domain/uploads.ts';
import { ok } from '../api/client';
import { uploadFile, waitForVerdict, type Attachment, UploadNotDelivered, UploadRefused } from '../api/upload';
import { useApp } from '../app-context';
import { zonedTime, type Translate } from '../i18n/i18n';
import { failureText } from '../shared/api';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { CONTENT_TYPES, type ContentType } from '../../../functions/domain/vocabulary.ts';
import { admission, FileItem, uploadHint, type Purpose } from './files-item';
import { listAttachments, type Case, type Edition } from './queries';

/** A file on its way: sent to storage (with its progress), then waiting for the verifier. */
interface Sending {
  key: number;
  name: string;
  loaded: number;
  total: number;
  phase: 'sending' | 'verifying';
  abort: AbortController;
  /** Once the API has created it: listed here, not among the files, until the verdict. */
  attachmentId?: string;
}

/** What `purpose` files may be added and removed now, or undefined when none. */
function openPurpose(theCase: Case, edition: Edition, editable: boolean, now: number): Purpose | undefined {
  if (editable) return 'supporting';
  const due = edition.materialsDeadline;
  if (theCase.status !== 'withdrawn' && theCase.decision === 'outstanding' && due && now < Date.parse(due)) return 'presentation';
  return undefined;
}

export function FilesSection({ theCase, edition, editable }: { theCase: Case; edition: Edition; editable: boolean }) {
  const { api, t, locale } = useApp();
  const caseId = theCase.caseId;
  const purpose = openPurpose(theCase, edition, editable, Date.now());
  const [listed, retry] = useResource(() => listAttachments(api, caseId), [api, caseId, locale]);
  /** Changes since the list was loaded: files added (by id, their latest state) and files deleted. */
  const [changed, setChanged] = useState<ReadonlyMap<string, Attachment | null>>(new Map());
  const [sending, setSending] = useState<Sending[]>([]);
  /** What the person should know about the last files added or removed: refusals, failures, a deletion. */
  const [messages, setMessages] = useState<{ key: number; text: string; alert: boolean }[]>([]);
  const nextKey = useRef(0);
  const [dragging, setDragging] = useState(false);

  if (listed.state === 'loading') return <Loading />;
  if (listed.state === 'failed') return <Failure error={listed.error} retry={retry} />;

  const known = new Map(listed.data.map((a) => [a.attachmentId, a]));
  for (const [id, a] of changed) {
    if (a) known.set(id, a);
    else known.delete(id);
  }
  const attachments = [...known.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const inFlight = new Set(sending.map((s) => s.attachmentId));
  const listedNow = attachments.filter((a) => !inFlight.has(a.attachmentId));

  const keep = (a: Attachment | null, id: string) => setChanged((before) => new Map(before).set(id, a));
  const tell = (text: string, alert: boolean) => setMessages((before) => [...before, { key: nextKey.current++, text, alert }]);
  const update = (key: number, change: Partial<Sending>) => setSending((before) => before.map((s) => (s.key === key ? { ...s, ...change } : s)));

  const send = async (file: File, contentType: ContentType, chosen: Purpose) => {
    const key = nextKey.current++;
    const abort = new AbortController();
    setSending((before) => [...before, { key, name: file.name, loaded: 0, total: file.size, phase: 'sending', abort }]);
    let created: Attachment | undefined;
    try {
      const answer = await ok(
        api.POST('/cases/{caseId}/attachments', {
          params: { path: { caseId } },
          body: { fileName: file.name, contentType, size: file.size, purpose: chosen },
          signal: abort.signal,
        }),
      );
      created = answer.attachment;
      keep(created, created.attachmentId);
      update(key, { attachmentId: created.attachmentId });
      const stored = await uploadFile(api, answer, file, { signal: abort.signal, onProgress: (loaded, total) => update(key, { loaded, total }) });
      update(key, { phase: 'verifying', loaded: file.size });
      keep(stored.attachment ?? (await waitForVerdict(api, created, { signal: abort.signal })), created.attachmentId);
    } catch (error) {
      if (abort.signal.aborted) {
        tell(t('files.cancelled', { name: file.name }), false);
        // A cancelled file is not left behind pending, counted against the case's limit.
        // If that fails it stays listed, pending, to be deleted by hand.
        if (created) await deleteAttachment(created).catch(() => undefined);
      } else {
        tell(t('files.failed', { name: file.name, reason: uploadFailure(error) }), true);
      }
    } finally {
      setSending((before) => before.filter((s) => s.key !== key));
    }
  };

  const deleteAttachment = async (a: Attachment) => {
    await ok(api.DELETE('/cases/{caseId}/attachments/{attachmentId}', { params: { path: { caseId, attachmentId: a.attachmentId } } }));
    keep(null, a.attachmentId);
  };

  const uploadFailure = (error: unknown): string => {
    if (error instanceof UploadRefused) return t('files.storageRefused', { status: error.status });
    if (error instanceof UploadNotDelivered) return t('files.notDelivered');
    return failureText(error, t, locale);
  };

  const remove = async (a: Attachment) => {
    try {
      await deleteAttachment(a);
      tell(t('files.deleted', { name: a.fileName }), false);
    } catch (error) {
      tell(failureText(error, t, locale), true);
    }
  };

  const add = (files: FileList | null) => {
    if (!files || !purpose) return;
    setMessages([]);
    let taken = attachments.filter((a) => a.purpose === purpose && a.status !== 'rejected').length + sending.length;
    for (const file of files) {
      const admitted = admission(file, taken, t, locale);
      if ('refused' in admitted) {
        tell(admitted.refused, true);
        continue;
      }
      taken++;
      void send(file, admitted.contentType, purpose);
    }
  };

  return (
    <section class="files" aria-labelledby="files-title">
      <h2 id="files-title">{t('files.title')}</h2>
      {purpose === 'supporting' && <p>{t('files.intro.supporting')}</p>}
      {purpose === 'presentation' && edition.materialsDeadline && <p>{t('files.intro.presentation', { deadline: zonedTime(t, edition.materialsDeadline, edition.timeZone) })}</p>}
      {!purpose && <p>{t('files.closed')}</p>}

      {listedNow.length === 0 && sending.length === 0 ? (
        <p>{t('files.empty')}</p>
      ) : (
        <ul class="file-list">
          {listedNow.map((a) => (
            <FileItem key={a.attachmentId} attachment={a} onDelete={a.purpose === purpose ? () => remove(a) : undefined} />
          ))}
          {sending.map((s) => (
            <SendingItem key={s.key} sending={s} t={t} />
          ))}
        </ul>
      )}

      <div class="file-messages" role="status" aria-live="polite">
        {messages.map((m) => (
          <p key={m.key} class={m.alert ? 'error' : undefined}>
            {m.text}
          </p>
        ))}
      </div>

      {purpose && (
        <div
          class={dragging ? 'drop-zone dragging' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            add(e.dataTransfer?.files ?? null);
          }}
        >
          <label for="files-input">{t('files.choose')}</label>
          <p class="hint" id="files-input-hint">
            {t('files.hint', { count: MAX_ATTACHMENTS_PER_PURPOSE })} {uploadHint(t, locale)}
          </p>
          <input
            id="files-input"
            type="file"
            multiple
            accept={CONTENT_TYPES.join(',')}
            aria-describedby="files-input-hint"
            onChange={(e) => {
              add(e.currentTarget.files);
              // The same file may be chosen again after a refusal or a cancel.
              e.currentTarget.value = '';
            }}
          />
        </div>
      )}
    </section>
  );
}

function SendingItem({ sending, t }: { sending: Sending; t: Translate }) {
  const id = `sending-${sending.key}`;
  return (
    <li class="file sending">
      {sending.phase === 'sending' ? (
        <>
          <label for={id}>{t('files.uploading', { name: sending.name })}</label>
          <progress id={id} max={sending.total || 1} value={sending.loaded} />
          <button type="button" class="secondary" onClick={() => sending.abort.abort()}>
            {t('files.cancel', { name: sending.name })}
          </button>
        </>
      ) : (
        <p role="status">{t('files.verifying', { name: sending.name })}</p>
      )}
    </li>
  );
}
