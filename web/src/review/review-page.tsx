/**
 * One assigned case at the reviewers' desk: the case as a reviewer may read it (no contact details: the API leaves
 * them out), its files, the scoring form, and the declaration of a conflict of interest.
 */
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { labelOf, loadEditions, loadVocabulary, titleOf } from '../cases/queries';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { CaseDetails } from './case-details';
import { ConflictOfInterest } from './conflict-of-interest';
import { loadMyReview } from './queries';
import { keepUnsavedReview } from './review-draft';
import { ReviewFiles } from './review-files';
import { ReviewWindow } from './review-window';
import { ScoreForm } from './score-form';

export function ReviewPage() {
  const { api, locale, t } = useApp();
  const { params } = useRoute();
  const caseId = params.caseId ?? '';
  // The case the reviewer declared a conflict on, from this page (the router keeps the page for another case).
  const [declaredOn, setDeclaredOn] = useState<string>();
  const [loaded, retry] = useResource(async () => {
    const [theCase, review, vocabulary, editions] = await Promise.all([
      ok(api.GET('/cases/{caseId}', { params: { path: { caseId } } })),
      loadMyReview(api, caseId),
      loadVocabulary(api, locale),
      loadEditions(api),
    ]);
    const edition = editions.find((e) => e.editionId === theCase.editionId) ?? (await ok(api.GET('/editions/{editionId}', { params: { path: { editionId: theCase.editionId } } })));
    return { theCase, review, vocabulary, edition };
  }, [api, caseId, locale]);

  const back = (
    <p>
      <a href="/reviews">{t('review.back')}</a>
    </p>
  );
  if (declaredOn === caseId) {
    return (
      <section aria-labelledby="review-declared-title">
        {back}
        <h1 id="review-declared-title">{t('review.coi.doneTitle')}</h1>
        <p class="notice" role="status">
          {t('review.coi.done')}
        </p>
      </section>
    );
  }
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') {
    return (
      <>
        {back}
        <Failure error={loaded.error} retry={retry} />
      </>
    );
  }
  const { theCase, review, vocabulary, edition } = loaded.data;
  return (
    <article class="review-case" aria-labelledby="review-case-title">
      {back}
      <h1 id="review-case-title">{titleOf(theCase, locale) ?? t('cases.untitled')}</h1>
      <p class="meta">
        {edition.name}
        {theCase.category && ` · ${labelOf(vocabulary.categories, theCase.category)}`}
        {theCase.status !== 'submitted' && ` · ${labelOf(vocabulary.caseStatuses, theCase.status)}`}
      </p>
      <ReviewWindow edition={edition} />
      <div class="review-layout">
        <div class="review-reading">
          <CaseDetails theCase={theCase} vocabulary={vocabulary} />
          <ReviewFiles caseId={caseId} />
        </div>
        <div class="review-side">
          {/* A new key per case: another case starts from its own saved review. */}
          <ScoreForm key={caseId} caseId={caseId} edition={edition} vocabulary={vocabulary} initial={review} />
          <ConflictOfInterest caseId={caseId} onDeclared={() => {
              keepUnsavedReview(caseId, undefined);
              setDeclaredOn(caseId);
            }} />
        </div>
      </div>
    </article>
  );
}
