/** The published results, edition by edition, newest first (public: no sign-in). */
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';

export function ResultsIndexPage() {
  const { api, t } = useApp();
  // Read afresh, not from cases/queries.ts' cache: an edition released since the app loaded belongs here.
  const [editions, retry] = useResource(async () => (await ok(api.GET('/editions', { params: { query: { limit: 100 } } }))).items.filter((e) => e.status === 'released'), [api]);
  return (
    <section class="release-page" aria-labelledby="results-index-title">
      <h1 id="results-index-title">{t('release.results.title')}</h1>
      <p>{t('release.results.intro')}</p>
      {editions.state === 'loading' && <Loading />}
      {editions.state === 'failed' && <Failure error={editions.error} retry={retry} />}
      {editions.state === 'ready' &&
        (editions.data.length === 0 ? (
          <p class="empty">{t('release.results.empty')}</p>
        ) : (
          <ul class="release-editions">
            {editions.data.map((e) => (
              <li key={e.editionId}>
                <a href={`/results/${e.editionId}`}>{e.name}</a>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
