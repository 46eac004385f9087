/**
 * One file of a case (its name, size, use, status, the rejection's reason, a preview of a ready image or PDF, delete
 * with confirmation), and the checks a chosen file passes before it is sent: the server's types and sizes
 * (functions/domain/uploads.ts, vocabulary.ts), so that the two cannot disagree.
 */
import { MAX_ATTACHMENTS_PER_PURPOSE, maxBytesOf } from '../../../functions/domain/uploads.ts';
import { CONTENT_TYPES, UPLOAD_KINDS, type ContentType, type Purpose } from '../../../functions/domain/vocabulary.ts';
import { ok } from '../api/client';
import type { Attachment } from '../api/upload';
import { useApp } from '../app-context';
import type { Locale, Translate } from '../i18n/i18n';
import { useResource } from '../shared/use-resource';
import { ConfirmButton } from '../shared/confirm-button';

export type { Purpose };

/** The formats' own names: the same in every language. */
const TYPE_NAMES: Record<ContentType, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/wav': 'WAV',
  'video/mp4': 'MP4',
  'video/quicktime': 'MOV',
};

/** The content types the page may preview: images in an <img>, PDFs opened by the browser from a link. */
const PREVIEWED: ReadonlySet<ContentType> = new Set(['image/jpeg', 'image/png', 'application/pdf']);

const isContentType = (type: string): type is ContentType => (CONTENT_TYPES as readonly string[]).includes(type);

const typeNames = (): string => CONTENT_TYPES.map((type) => TYPE_NAMES[type]).join(', ');

/** A size in the reader's words: bytes, KB, MB or GB (of 1024). */
export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Each kind's types and size limit: "PDF: up to 20 MB; JPEG, PNG: up to 20 MB; …". */
export const uploadHint = (t: Translate, locale: Locale): string =>
  Object.values(UPLOAD_KINDS)
    .map((types) => t('files.limit', { types: types.map((type) => TYPE_NAMES[type]).join(', '), size: formatBytes(maxBytesOf(types[0]), locale) }))
    .join(t('files.limitsJoin'));

/** The content type to declare for `file`, or why it cannot be sent, in the reader's words; `taken`: the case's live files of this use. */
export function admission(file: File, taken: number, t: Translate, locale: Locale): { contentType: ContentType } | { refused: string } {
  const name = file.name;
  if (!isContentType(file.type)) return { refused: t('files.refused.type', { name, types: typeNames() }) };
  if (file.size === 0) return { refused: t('files.refused.empty', { name }) };
  if (file.size > maxBytesOf(file.type)) return { refused: t('files.refused.size', { name, size: formatBytes(maxBytesOf(file.type), locale) }) };
  if (taken >= MAX_ATTACHMENTS_PER_PURPOSE) return { refused: t('files.refused.count', { name, count: MAX_ATTACHMENTS_PER_PURPOSE }) };
  return { contentType: file.type };
}

export function FileItem({ attachment: a, onDelete }: { attachment: Attachment; onDelete: (() => void) | undefined }) {
  const { t, locale } = useApp();
  return (
    <li class={`file file-${a.status}`}>
      <p class="file-name">{a.fileName}</p>
      <dl>
        <div>
          <dt>{t('files.size')}</dt>
          <dd>{formatBytes(a.size, locale)}</dd>
        </div>
        <div>
          <dt>{t('files.purpose')}</dt>
          <dd>{t(`files.purpose.${a.purpose}`)}</dd>
        </div>
        <div>
          <dt>{t('files.status')}</dt>
          <dd class="file-status">{t(`files.status.${a.status}`)}</dd>
        </div>
      </dl>
      {a.status === 'rejected' && a.rejectionReason && (
        // The verifier writes its reasons in English only: marked so, for screen readers to read them as English.
        <p class="error">
          {t('files.rejectedWhy')} <span lang="en">{a.rejectionReason}</span>
        </p>
      )}
      {a.status === 'ready' && PREVIEWED.has(a.contentType) && <Preview attachment={a} />}
      {onDelete && (
        <ConfirmButton
          id={`delete-${a.attachmentId}`}
          button={t('files.delete', { name: a.fileName })}
          title={t('files.deleteTitle')}
          text={t('files.deleteText', { name: a.fileName })}
          confirm={t('files.deleteConfirm')}
          cancel={t('files.deleteCancel')}
          onConfirm={onDelete}
        />
      )}
    </li>
  );
}

/** A ready image shown, a ready PDF linked: the short-lived download URL is read when the preview is shown or opened. */
function Preview({ attachment: a }: { attachment: Attachment }) {
  const { api, t } = useApp();
  const read = () => ok(api.GET('/cases/{caseId}/attachments/{attachmentId}', { params: { path: { caseId: a.caseId, attachmentId: a.attachmentId } } }));
  const [loaded] = useResource(read, [a.attachmentId]);
  const url = loaded.state === 'ready' ? loaded.data.downloadUrl : undefined;
  if (!url) return null;
  if (a.contentType !== 'application/pdf') return <img class="file-preview" src={url} alt={t('files.preview', { name: a.fileName })} />;
  return (
    <a
      href={url}
      onClick={async (e) => {
        // The URL of the page's first read lasts minutes: a fresh one is read for each click.
        e.preventDefault();
        const fresh = (await read()).downloadUrl;
        if (fresh) location.assign(fresh);
      }}
    >
      {t('files.open', { name: a.fileName })}
    </a>
  );
}

