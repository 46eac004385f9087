/**
 * "My cases": every case of the caller in every edition (GET /me/cases, a page at a time), its status, its edition's
 * deadline, the caller's extension and the decision when they have them; and a new case in an open edition.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { failureText } from '../shared/api';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { Deadline } from './deadline';
import { labelOf, loadEditions, loadVocabulary, titleOf, type Case, type Edition, type Vocabulary } from './queries';
import { useMore } from '../shared/use-more';

const PAGE_SIZE = 20;

export function MyCasesPage() {
  const { api, locale, t } = useApp();
  const [first, retry] = useResource(
    () => Promise.all([loadVocabulary(api, locale), loadEditions(api), ok(api.GET('/me/cases', { params: { query: { limit: PAGE_SIZE } } }))]),
    [api, locale],
  );
  return (
    <section aria-labelledby="my-cases-title">
      <h1 id="my-cases-title">{t('cases.title')}</h1>
      {first.state === 'loading' && <Loading />}
      {first.state === 'failed' && <Failure error={first.error} retry={retry} />}
      {first.state === 'ready' && <CaseList vocabulary={first.data[0]} editions={first.data[1]} firstPage={first.data[2]} />}
    </section>
  );
}

interface CaseListProps {
  vocabulary: Vocabulary;
  editions: Edition[];
  firstPage: { items: Case[]; nextCursor: string | null };
}

function CaseList({ vocabulary, editions, firstPage }: CaseListProps) {
  const { api, t } = useApp();
  const { items, hasMore, busy, error, loadMore } = useMore(firstPage, (cursor) => ok(api.GET('/me/cases', { params: { query: { limit: PAGE_SIZE, cursor } } })));
  const byId = new Map(editions.map((e) => [e.editionId, e]));

  return (
    <>
      {items.length === 0 ? (
        <p class="empty">{t('cases.empty')}</p>
      ) : (
        <ul class="cases">
          {items.map((c) => (
            <CaseItem key={c.caseId} item={c} edition={byId.get(c.editionId)} vocabulary={vocabulary} />
          ))}
        </ul>
      )}
      {hasMore && (
        <p>
          <button type="button" class="secondary" onClick={loadMore} disabled={busy}>
            {t('cases.more')}
          </button>
        </p>
      )}
      {error !== undefined && <Failure error={error} retry={loadMore} />}
      <NewCase editions={editions} />
    </>
  );
}

function CaseItem({ item, edition, vocabulary }: { item: Case; edition: Edition | undefined; vocabulary: Vocabulary }) {
  const { t, locale } = useApp();
  return (
    <li class="case">
      <h2>
        <a href={`/cases/${item.caseId}`}>{titleOf(item, locale) ?? t('cases.untitled')}</a>
      </h2>
      <dl>
        <div>
          <dt>{t('cases.status')}</dt>
          <dd class={`status status-${item.status}`}>{labelOf(vocabulary.caseStatuses, item.status)}</dd>
        </div>
        <div>
          <dt>{t('cases.edition')}</dt>
          <dd>
            {edition ? `${edition.name} · ${labelOf(vocabulary.editionStatuses, edition.status)}` : item.editionId}
          </dd>
        </div>
        {edition && (
          <div>
            <dt>{t('cases.deadline')}</dt>
            <dd>
              <Deadline edition={edition} />
            </dd>
          </div>
        )}
        {edition && item.extension && (
          <div>
            <dt>{t('cases.extension')}</dt>
            <dd>
              <Deadline edition={{ deadline: item.extension.deadline, timeZone: edition.timeZone }} />
            </dd>
          </div>
        )}
        {item.decision && (
          <div>
            <dt>{t('cases.decision')}</dt>
            <dd class={`decision-${item.decision}`}>{labelOf(vocabulary.decisions, item.decision)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}

function NewCase({ editions }: { editions: Edition[] }) {
  const { api, t, locale } = useApp();
  const { route } = useLocation();
  const open = editions.filter((e) => e.status === 'open');
  const [editionId, setEditionId] = useState(open[0]?.editionId ?? '');
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  if (open.length === 0) return <p class="notice">{t('cases.noOpenEdition')}</p>;

  const create = async (event: Event) => {
    event.preventDefault();
    setState({ busy: true });
    try {
      const created = await ok(api.POST('/editions/{editionId}/cases', { params: { path: { editionId } }, body: { locale } }));
      route(`/cases/${created.caseId}`);
    } catch (error) {
      setState({ busy: false, error: failureText(error, t, locale) });
    }
  };

  return (
    <form class="new-case" onSubmit={create}>
      <h2>{t('cases.new')}</h2>
      <div class="field">
        <label for="new-case-edition">{t('cases.newEdition')}</label>
        <select id="new-case-edition" value={editionId} onChange={(e) => setEditionId(e.currentTarget.value)}>
          {open.map((e) => (
            <option key={e.editionId} value={e.editionId}>
              {e.name}
            </option>
          ))}
        </select>
        <p class="hint">
          {t('cases.deadline')}: <Deadline edition={open.find((e) => e.editionId === editionId) ?? open[0]!} />
        </p>
      </div>
      {state.error && (
        <p class="error" role="alert">
          {state.error}
        </p>
      )}
      <button type="submit" disabled={state.busy}>
        {t('cases.new')}
      </button>
    </form>
  );
}
