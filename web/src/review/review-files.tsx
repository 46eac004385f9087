/**
 * The case's files as its reviewers see them: the verified ones, read-only, images previewed and PDFs opened in the
 * page's own tab (cases/files-item.tsx, without its delete). Files still being checked or rejected are not the case's
 * content yet, so they are left out.
 */
import type { Attachment } from '../api/upload';
import { useApp } from '../app-context';
import { FileItem } from '../cases/files-item';
import { listAttachments } from '../cases/queries';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';

export function ReviewFiles({ caseId }: { caseId: string }) {
  const { api, t, locale } = useApp();
  const [listed, retry] = useResource(() => listAttachments(api, caseId), [api, caseId, locale]);
  return (
    <section class="files review-files" aria-labelledby="review-files-title">
      <h2 id="review-files-title">{t('files.title')}</h2>
      {listed.state === 'loading' && <Loading />}
      {listed.state === 'failed' && <Failure error={listed.error} retry={retry} />}
      {listed.state === 'ready' && <FileList attachments={listed.data.filter((a) => a.status === 'ready')} />}
    </section>
  );
}

function FileList({ attachments }: { attachments: Attachment[] }) {
  const { t } = useApp();
  if (attachments.length === 0) return <p>{t('review.files.empty')}</p>;
  return (
    <ul class="file-list">
      {[...attachments]
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((a) => (
          <FileItem key={a.attachmentId} attachment={a} onDelete={undefined} />
        ))}
    </ul>
  );
}
