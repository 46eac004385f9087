import { useApp } from '../app-context';
import { labelOf, type Vocabulary } from '../cases/queries';
import type { Review } from './queries';
import { draftOf, type ReviewDraft } from './review-draft';

/** A 412: the review was saved elsewhere since this page read it. What differs, as saved there and as typed here; the person chooses. */
export function ReviewConflict({ mine, theirs, vocabulary, onResolve }: { mine: ReviewDraft; theirs: Review; vocabulary: Vocabulary; onResolve: (keepMine: boolean) => void }) {
  const { t } = useApp();
  const saved = draftOf(theirs);
  const recommendation = (d: ReviewDraft) => (d.recommendation ? labelOf(vocabulary.recommendations, d.recommendation) : '');
  const rows = [
    ...vocabulary.criteria.map((c) => ({ key: c.id, label: c.label, theirs: saved.scores[c.id] ?? '', mine: mine.scores[c.id] ?? '' })),
    { key: 'recommendation', label: t('review.recommendation'), theirs: recommendation(saved), mine: recommendation(mine) },
    { key: 'comment', label: t('review.comment'), theirs: saved.comment, mine: mine.comment },
  ].filter((row) => row.theirs.trim() !== row.mine.trim());
  const shown = (value: string) => value.trim() || t('review.conflict.empty');
  return (
    <section class="conflict" role="alert" aria-labelledby="review-conflict-title">
      <h2 id="review-conflict-title">{t('review.conflict.title')}</h2>
      <p>{t('review.conflict.text')}</p>
      <dl>
        {rows.map((row) => (
          <div key={row.key}>
            <dt>{row.label}</dt>
            <dd>{t('review.conflict.theirs', { value: shown(row.theirs) })}</dd>
            <dd>{t('review.conflict.yours', { value: shown(row.mine) })}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => onResolve(true)}>
        {t('review.conflict.keep')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => onResolve(false)}>
        {t('review.conflict.reload')}
      </button>
    </section>
  );
}
