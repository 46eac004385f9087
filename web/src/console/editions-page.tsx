/** The console's start: every edition with its status and deadline, each opening its page; and a new edition. */
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { Deadline } from '../cases/deadline';
import { labelOf, loadVocabulary } from '../cases/queries';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { MAX_PAGE } from './queries';

export function EditionsPage() {
  const { api, locale, t } = useApp();
  // Not cases/queries.ts loadEditions: that one is kept for the page's life, and the organiser changes editions here.
  const [loaded, retry] = useResource(
    () => Promise.all([loadVocabulary(api, locale), ok(api.GET('/editions', { params: { query: { limit: MAX_PAGE } } }))]),
    [api, locale],
  );
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">{t('console.title')}</h1>
      <p>
        <a class="console-action" href="/console/new">
          {t('console.edition.new')}
        </a>
      </p>
      <p>
        <a href="/console/people">{t('console.people.title')}</a>
      </p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failure error={loaded.error} retry={retry} />}
      {loaded.state === 'ready' &&
        (loaded.data[1].items.length === 0 ? (
          <p class="empty">{t('console.editions.empty')}</p>
        ) : (
          <ul class="cases">
            {loaded.data[1].items.map((e) => (
              <li class="case" key={e.editionId}>
                <h2>
                  <a href={`/console/editions/${e.editionId}`}>{e.name}</a>
                </h2>
                <dl>
                  <div>
                    <dt>{t('console.edition.id')}</dt>
                    <dd>{e.editionId}</dd>
                  </div>
                  <div>
                    <dt>{t('console.edition.status')}</dt>
                    <dd>{labelOf(loaded.data[0].editionStatuses, e.status)}</dd>
                  </div>
                  <div>
                    <dt>{t('console.edition.deadline')}</dt>
                    <dd>
                      <Deadline edition={e} />
                    </dd>
                  </div>
                </dl>
                <p>
                  <a href={`/console/editions/${e.editionId}/cases`}>{t('console.cases.link')}</a>
                </p>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
