/** Notifications (organisers): preview each selected case's notice, send them, and follow the run. */
import { useRoute } from 'preact-iso/router';
import { useApp } from '../app-context';
import { loadVocabulary } from '../cases/queries';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { NoticePreview } from './notice-preview';
import { NotificationRun } from './notification-run';
import { loadEdition, selectedCases } from './queries';

export function NotificationsPage() {
  const { api, locale, t } = useApp();
  const { params } = useRoute();
  const editionId = params.editionId ?? '';
  const [loaded, retry] = useResource(
    () => Promise.all([loadEdition(api, editionId), loadVocabulary(api, locale), selectedCases(api, editionId)]),
    [api, locale, editionId],
  );
  const ready = loaded.state === 'ready' ? loaded.data : undefined;
  const selected = ready ? [...ready[2].outstanding, ...ready[2].collection] : [];
  return (
    <section class="release-page" aria-labelledby="notify-title">
      <h1 id="notify-title">{t('release.notify.title', { edition: ready?.[0].name ?? editionId })}</h1>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failure error={loaded.error} retry={retry} />}
      {ready && (
        <>
          <p>{t('release.notify.intro')}</p>
          <p>
            <a href={`/console/editions/${editionId}/release`}>{t('release.toRelease')}</a>
          </p>
          <NoticePreview editionId={editionId} cases={selected} vocabulary={ready[1]} />
          <NotificationRun edition={ready[0]} selected={selected} vocabulary={ready[1]} />
        </>
      )}
    </section>
  );
}
