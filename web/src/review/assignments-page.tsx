/**
 * "My reviews": the cases assigned to the reviewer (GET /me/assignments), by edition, newest edition first; in each,
 * the cases still to review before those reviewed, how many are reviewed, and until when reviews are taken.
 */
import { useApp } from '../app-context';
import { zonedTime } from '../i18n/i18n';
import { labelOf, loadEditions, loadVocabulary, titleOf, type Edition, type Vocabulary } from '../cases/queries';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { listAssignments, type Assignment } from './queries';
import { ReviewWindow } from './review-window';

export function AssignmentsPage() {
  const { api, locale, t } = useApp();
  const [loaded, retry] = useResource(() => Promise.all([loadVocabulary(api, locale), loadEditions(api), listAssignments(api)]), [api, locale]);
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">{t('review.title')}</h1>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failure error={loaded.error} retry={retry} />}
      {loaded.state === 'ready' && <ByEdition vocabulary={loaded.data[0]} editions={loaded.data[1]} assignments={loaded.data[2]} />}
    </section>
  );
}

function ByEdition({ vocabulary, editions, assignments }: { vocabulary: Vocabulary; editions: Edition[]; assignments: Assignment[] }) {
  const { t } = useApp();
  if (assignments.length === 0) return <p class="empty">{t('review.empty')}</p>;
  // Editions in the API's order (newest first); one the list does not hold yet goes last, under its id.
  const order = new Map(editions.map((e, i) => [e.editionId, i]));
  const ids = [...new Set(assignments.map((a) => a.editionId))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  return (
    <>
      {ids.map((id) => (
        <EditionAssignments
          key={id}
          editionId={id}
          edition={editions.find((e) => e.editionId === id)}
          assignments={assignments.filter((a) => a.editionId === id)}
          vocabulary={vocabulary}
        />
      ))}
    </>
  );
}

interface EditionAssignmentsProps {
  editionId: string;
  edition: Edition | undefined;
  assignments: Assignment[];
  vocabulary: Vocabulary;
}

function EditionAssignments({ editionId, edition, assignments, vocabulary }: EditionAssignmentsProps) {
  const { t } = useApp();
  const headingId = `review-edition-${editionId}`;
  const reviewed = assignments.filter((a) => a.reviewed).length;
  // What is left to do first.
  const ordered = [...assignments].sort((a, b) => Number(a.reviewed) - Number(b.reviewed) || a.assignedAt.localeCompare(b.assignedAt));
  return (
    <section class="review-edition" aria-labelledby={headingId}>
      <h2 id={headingId}>{edition?.name ?? editionId}</h2>
      <p class="meta">
        {edition && `${labelOf(vocabulary.editionStatuses, edition.status)} · `}
        {t('review.progress', { reviewed, total: assignments.length })}
      </p>
      {edition && <ReviewWindow edition={edition} />}
      <ul class="cases">
        {ordered.map((a) => (
          <AssignmentItem key={a.caseId} assignment={a} edition={edition} vocabulary={vocabulary} />
        ))}
      </ul>
    </section>
  );
}

function AssignmentItem({ assignment: a, edition, vocabulary }: { assignment: Assignment; edition: Edition | undefined; vocabulary: Vocabulary }) {
  const { t, locale } = useApp();
  const timeZone = edition?.timeZone ?? 'UTC';
  return (
    <li class="case">
      <h3>
        <a href={`/reviews/${a.caseId}`}>{titleOf(a, locale) ?? t('cases.untitled')}</a>
      </h3>
      <dl>
        {a.category && (
          <div>
            <dt>{t('field.category')}</dt>
            <dd>{labelOf(vocabulary.categories, a.category)}</dd>
          </div>
        )}
        <div>
          <dt>{t('review.state')}</dt>
          <dd class={a.reviewed ? 'review-done' : 'review-todo'}>
            {a.reviewed && a.reviewedAt ? t('review.state.reviewed', { time: zonedTime(t, a.reviewedAt, timeZone) }) : t('review.state.todo')}
          </dd>
        </div>
        {a.caseStatus !== 'submitted' && (
          <div>
            <dt>{t('cases.status')}</dt>
            <dd>{labelOf(vocabulary.caseStatuses, a.caseStatus)}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
