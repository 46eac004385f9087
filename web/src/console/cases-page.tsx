/**
 * An edition's cases for its organisers (GET /editions/{editionId}/cases): filtered by status, category, country and
 * decision, newest first or by score, a page at a time; each with its review aggregate, its decision and an extension
 * for its applicant (case-row.tsx); the count of outstanding cases against the target; the CSV of the same list.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { CountrySelect } from '../cases/country-fields';
import { loadVocabulary, type Edition, type Vocabulary } from '../cases/queries';
import { Field } from '../shared/field';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { CaseRow } from './case-row';
import { CsvExport } from './csv-export';
import { countOutstanding, loadEdition, OUTSTANDING_TARGET, type CaseFilters, type CaseSummary } from './queries';
import { useMore } from '../shared/use-more';

const PAGE_SIZE = 25;

export function CasesPage() {
  const { api, locale } = useApp();
  const { params } = useRoute();
  const editionId = params.editionId ?? '';
  const [loaded, retry] = useResource(() => Promise.all([loadEdition(api, editionId), loadVocabulary(api, locale)]), [api, editionId, locale]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Failure error={loaded.error} retry={retry} />;
  return <CaseList key={editionId} edition={loaded.data[0]} vocabulary={loaded.data[1]} />;
}

function CaseList({ edition, vocabulary }: { edition: Edition; vocabulary: Vocabulary }) {
  const { api, t } = useApp();
  const { editionId } = edition;
  const [filters, setFilters] = useState<CaseFilters>({});
  const [first, retry] = useResource(
    () => ok(api.GET('/editions/{editionId}/cases', { params: { path: { editionId }, query: { ...filters, limit: PAGE_SIZE } } })),
    [api, editionId, JSON.stringify(filters)],
  );
  const [outstanding, setOutstanding] = useState<number>();
  const recount = useCallback(() => {
    countOutstanding(api, editionId).then(setOutstanding, () => setOutstanding(undefined));
  }, [api, editionId]);
  useEffect(recount, [recount]);

  const filter = <K extends keyof CaseFilters>(key: K, value: string) =>
    setFilters((before) => {
      const next = { ...before };
      if (value) next[key] = value as CaseFilters[K];
      else delete next[key];
      return next;
    });
  const select = (key: 'status' | 'category' | 'decision' | 'sort', label: string, options: readonly { id: string; label: string }[]) => (
    <Field id={`filter-${key}`} label={label}>
      {(control) => (
        <select {...control} value={filters[key] ?? ''} onChange={(e) => filter(key, e.currentTarget.value)}>
          <option value="">{t('console.filter.any')}</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section aria-labelledby="cases-title">
      <p>
        <a href={`/console/editions/${editionId}`}>{t('console.cases.back', { name: edition.name })}</a>
      </p>
      <h1 id="cases-title">{t('console.cases.title', { name: edition.name })}</h1>
      <p class="console-count" role="status" aria-live="polite">
        {outstanding === undefined ? '' : t('console.decision.count', { count: outstanding, target: OUTSTANDING_TARGET })}
      </p>
      <form class="console-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('console.filter.label')}>
        {select('status', t('console.filter.status'), vocabulary.caseStatuses)}
        {select('category', t('console.filter.category'), vocabulary.categories)}
        <Field id="filter-country" label={t('console.filter.country')}>
          {(control) => <CountrySelect {...control} value={filters.country ?? ''} onChange={(code) => filter('country', code)} />}
        </Field>
        {select('decision', t('console.filter.decision'), [...vocabulary.decisions, { id: 'none', label: t('console.filter.noDecision') }])}
        {select('sort', t('console.filter.sort'), [
          { id: 'newest', label: t('console.filter.sort.newest') },
          { id: 'score', label: t('console.filter.sort.score') },
        ])}
      </form>
      <CsvExport editionId={editionId} filters={filters} />
      {first.state === 'loading' && <Loading />}
      {first.state === 'failed' && <Failure error={first.error} retry={retry} />}
      {first.state === 'ready' && <Rows key={JSON.stringify(filters)} edition={edition} vocabulary={vocabulary} filters={filters} first={first.data} onDecided={recount} />}
    </section>
  );
}

interface RowsProps {
  edition: Edition;
  vocabulary: Vocabulary;
  filters: CaseFilters;
  first: { items: CaseSummary[]; nextCursor: string | null };
  onDecided: () => void;
}

function Rows({ edition, vocabulary, filters, first, onDecided }: RowsProps) {
  const { api, t } = useApp();
  const { items, hasMore, busy, error, loadMore } = useMore(first, (cursor) =>
    ok(api.GET('/editions/{editionId}/cases', { params: { path: { editionId: edition.editionId }, query: { ...filters, limit: PAGE_SIZE, cursor } } })),
  );
  if (items.length === 0) return <p class="empty">{t('console.cases.empty')}</p>;
  return (
    <>
      <ul class="cases console-cases">
        {items.map((c) => (
          <CaseRow key={c.caseId} item={c} edition={edition} vocabulary={vocabulary} onDecided={onDecided} />
        ))}
      </ul>
      {hasMore && (
        <button type="button" class="secondary" onClick={loadMore} disabled={busy}>
          {t('console.cases.more')}
        </button>
      )}
      {error !== undefined && <Failure error={error} retry={loadMore} />}
    </>
  );
}
