/**
 * The release (organisers): what becomes public, named before it happens (how many cases of each selection, and which
 * of their fields), then the publication, and the public results page.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { labelOf, loadVocabulary } from '../cases/queries';
import { ConfirmButton } from '../shared/confirm-button';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { PUBLIC_FIELDS } from './public-case';
import { loadEdition, selectedCases } from './queries';

export function ReleasePage() {
  const { api, locale, t } = useApp();
  const { params } = useRoute();
  const editionId = params.editionId ?? '';
  const [loaded, retry] = useResource(
    () => Promise.all([loadEdition(api, editionId), loadVocabulary(api, locale), selectedCases(api, editionId)]),
    [api, locale, editionId],
  );
  const ready = loaded.state === 'ready' ? loaded.data : undefined;
  return (
    <section class="release-page" aria-labelledby="release-title">
      <h1 id="release-title">{t('release.release.title', { edition: ready?.[0].name ?? editionId })}</h1>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failure error={loaded.error} retry={retry} />}
      {ready && (
        <>
          <p>{t('release.release.intro')}</p>
          <section class="release-what" aria-labelledby="release-what-title">
            <h2 id="release-what-title">{t('release.release.what')}</h2>
            <ul>
              <li>{t('release.release.outstanding', { count: ready[2].outstanding.length })}</li>
              <li>{t('release.release.collection', { count: ready[2].collection.length })}</li>
            </ul>
            <p>{t('release.release.fields')}</p>
            <ul class="release-fields">
              {PUBLIC_FIELDS.map((field) => (
                <li key={field}>{t(`release.field.${field}`)}</li>
              ))}
            </ul>
            <p>{t('release.release.private')}</p>
          </section>
          {ready[0].status === 'released' ? (
            <Released editionId={editionId} />
          ) : ready[0].status === 'closed' ? (
            <Publish editionId={editionId} outstanding={ready[2].outstanding.length} collection={ready[2].collection.length} />
          ) : (
            <p class="notice">{t('release.release.notClosed', { status: labelOf(ready[1].editionStatuses, ready[0].status) })}</p>
          )}
        </>
      )}
    </section>
  );
}

function Released({ editionId }: { editionId: string }) {
  const { t } = useApp();
  return (
    <p class="notice">
      {t('release.release.done')} <a href={`/results/${editionId}`}>{t('release.toResults')}</a>
    </p>
  );
}

function Publish({ editionId, outstanding, collection }: { editionId: string; outstanding: number; collection: number }) {
  const { api, t } = useApp();
  const { route } = useLocation();
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const publish = async () => {
    setState({ busy: true });
    try {
      await ok(api.POST('/editions/{editionId}/release', { params: { path: { editionId } } }));
      route(`/results/${editionId}`);
    } catch (error) {
      // 409 unless the edition is closed (it may have been reopened meanwhile): the API's words say so.
      setState({ busy: false, error });
    }
  };
  return (
    <div class="release-publish">
      <p class="hint">
        {t('release.release.notifyFirst')} <a href={`/console/editions/${editionId}/notifications`}>{t('release.toNotifications')}</a>
      </p>
      <ConfirmButton
        id="publish"
        button={t('release.release.button')}
        title={t('release.release.confirmTitle')}
        text={t('release.release.confirmText', { outstanding, collection })}
        confirm={t('release.release.confirm')}
        cancel={t('release.release.cancel')}
        onConfirm={() => void publish()}
      />
      {state.busy && <Loading />}
      {state.error !== undefined && <Failure error={state.error} />}
    </div>
  );
}
