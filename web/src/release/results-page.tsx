/**
 * The published results of an edition (public: no sign-in): its outstanding cases and its collection, in the page's
 * language. Until the edition is released the API answers 404, and the page says the results are not out yet.
 */
import { useRoute } from 'preact-iso/router';
import { ok, type ApiClient } from '../api/client';
import { useApp } from '../app-context';
import { loadVocabulary } from '../cases/queries';
import { zonedTime } from '../i18n/i18n';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { PublicCaseItem } from './public-case';
import { SELECTED, loadEdition } from './queries';

/** The results, or null while they are not published (or there is no such edition: the same to the public). */
async function loadResults(api: ApiClient, editionId: string) {
  const pending = api.GET('/editions/{editionId}/results', { params: { path: { editionId } } });
  if ((await pending).response.status === 404) return null;
  const [edition, results] = await Promise.all([loadEdition(api, editionId), ok(pending)]);
  return { edition, results };
}

export function ResultsPage() {
  const { api, locale, t } = useApp();
  const { params } = useRoute();
  const editionId = params.editionId ?? '';
  const [loaded, retry] = useResource(() => Promise.all([loadResults(api, editionId), loadVocabulary(api, locale)]), [api, locale, editionId]);
  const [found, vocabulary] = loaded.state === 'ready' ? loaded.data : [];
  return (
    <section class="release-page release-results" aria-labelledby="results-title">
      <h1 id="results-title">{found ? t('release.results.edition', { edition: found.edition.name }) : t('release.results.title')}</h1>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failure error={loaded.error} retry={retry} />}
      {found === null && <p class="notice">{t('release.results.notYet')}</p>}
      {found && vocabulary && (
        <>
          <p class="meta">{t('release.results.releasedAt', { date: zonedTime(t, found.results.releasedAt, found.edition.timeZone) })}</p>
          {SELECTED.map((decision) => (
            <section key={decision} aria-labelledby={`results-${decision}`}>
              <h2 id={`results-${decision}`}>{t(`release.results.${decision}`)}</h2>
              {found.results[decision].length === 0 ? (
                <p class="empty">{t('release.results.none')}</p>
              ) : (
                <ul class="release-cases">
                  {found.results[decision].map((item) => (
                    <PublicCaseItem key={item.caseId} item={item} vocabulary={vocabulary} />
                  ))}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
      <p>
        <a href="/results">{t('release.results.all')}</a>
      </p>
    </section>
  );
}
