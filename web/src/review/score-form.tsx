/**
 * The reviewer's scoring form: a score for each criterion of the vocabulary, the total as they type, the
 * recommendation and a comment. Saved with If-Match on the version read, so that a review saved meanwhile in another
 * tab is shown beside this one, never overwritten; what is typed is kept in the tab until it is saved. Taken until the
 * organisers decide the case: the API's 409 then is shown and the form locked.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { zonedTime, type Translate } from '../i18n/i18n';
import { labelOf, type Edition, type Vocabulary } from '../cases/queries';
import { failureText, fieldProblems, problemCode } from '../shared/api';
import { Field } from '../shared/field';
import { useOnline } from '../shared/online';
import { SCORE_MAX, SCORE_MIN } from '../../../functions/domain/vocabulary.ts';
import { loadMyReview, type Review } from './queries';
import { ReviewConflict } from './review-conflict';
import { ErrorSummary } from '../shared/error-summary';
import {
  checked,
  draftOf,
  keepUnsavedReview,
  sameDraft,
  totalOf,
  unsavedReviewOf,
  type ReviewDraft,
} from './review-draft';

type SaveState = 'idle' | 'saving' | 'saved' | 'invalid' | 'failed' | 'conflict' | 'offline';

interface Problem {
  path: string;
  message: string;
}

/** Answers that mean the review takes no more changes: a decision on the case (409), or the assignment gone (404). */
const LOCKING_CODES = new Set(['conflict', 'not-found']);

/** The contract's entity tag of a version (API.md, "Optimistic concurrency"). */
const ifMatch = (review: Review): string => `"${review.version}"`;

/** The control a problem's path names: `scores.impact`, `recommendation` (its first choice), `comment`. */
const controlId = (path: string): string => (path.startsWith('scores.') ? `review-score-${path.slice('scores.'.length)}` : `review-${path}`);

interface ScoreFormProps {
  caseId: string;
  edition: Edition;
  vocabulary: Vocabulary;
  initial: Review | null;
}

export function ScoreForm({ caseId, edition, vocabulary, initial }: ScoreFormProps) {
  const { api, t, locale } = useApp();
  const criteria = vocabulary.criteria.map((c) => c.id);
  const kept = useMemo(() => unsavedReviewOf(caseId), [caseId]);
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<ReviewDraft>(kept?.draft ?? draftOf(initial));
  // A draft kept from an earlier visit was typed on a version that is no longer the stored one.
  const [conflict, setConflict] = useState<Review | undefined>(kept && initial && kept.version !== initial.version ? initial : undefined);
  const [state, setState] = useState<SaveState>('idle');
  const [failure, setFailure] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [locked, setLocked] = useState<string>();
  const summary = useRef<HTMLDivElement>(null);
  // The draft as typed now, read after a save's answer (the person may have typed meanwhile).
  const current = useRef(draft);
  current.current = draft;

  // Reviews are taken only while the edition is closed (ReviewWindow says so), and until the case is decided.
  const readOnly = edition.status !== 'closed' || Boolean(locked);
  const unsaved = !sameDraft(draft, draftOf(saved), criteria);

  const edit = (next: ReviewDraft) => {
    setDraft(next);
    keepUnsavedReview(caseId, sameDraft(next, draftOf(saved), criteria) ? undefined : { draft: next, version: saved?.version ?? 0 });
    if (state === 'saved') setState('idle');
  };

  const showProblems = (found: Problem[]) => {
    setProblems(found);
    setState('invalid');
    requestAnimationFrame(() => summary.current?.focus());
  };

  /** What a refused save means: a conflict to show, a lock, field problems, or words to show. */
  const failed = async (error: unknown) => {
    const code = problemCode(error);
    if (code === 'precondition-failed') {
      setState('conflict');
      try {
        const theirs = await loadMyReview(api, caseId);
        if (theirs) setConflict(theirs);
        else {
          setSaved(null);
          setFailure(failureText(error, t, locale));
          setState('failed');
        }
      } catch (again) {
        setFailure(failureText(again, t, locale));
        setState('failed');
      }
    } else if (code && LOCKING_CODES.has(code)) {
      setLocked(failureText(error, t, locale));
      setState('failed');
    } else if (fieldProblems(error).length) {
      showProblems(fieldProblems(error));
    } else if (error instanceof TypeError) {
      // No answer at all: the draft is kept in the tab, and sent again when the network returns.
      setState('offline');
    } else {
      setFailure(failureText(error, t, locale));
      setState('failed');
    }
  };

  /** Saves `sending` over `basis`, the version it was typed on (none: the first save). */
  const send = async (basis: Review | null, sending: ReviewDraft) => {
    setFailure(undefined);
    const result = checked(sending, criteria);
    if ('problems' in result) {
      showProblems(
        result.problems.map((p) => ({
          path: p.path,
          message:
            p.code === 'score'
              ? t('review.score.invalid', { name: labelOf(vocabulary.criteria, p.path.slice('scores.'.length)), min: SCORE_MIN, max: SCORE_MAX })
              : t('review.recommendation.missing'),
        })),
      );
      return;
    }
    setState('saving');
    try {
      const stored = await ok(
        api.PUT('/cases/{caseId}/reviews/me', { params: { path: { caseId }, ...(basis ? { header: { 'If-Match': ifMatch(basis) } } : {}) }, body: result.input }),
      );
      setSaved(stored);
      setProblems([]);
      setState('saved');
      if (current.current === sending) {
        setDraft(draftOf(stored));
        keepUnsavedReview(caseId, undefined);
      } else {
        keepUnsavedReview(caseId, { draft: current.current, version: stored.version });
      }
    } catch (error) {
      await failed(error);
    }
  };

  const online = useOnline();
  useEffect(() => {
    if (online && state === 'offline') void send(saved, draft);
  }, [online]);

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    setConflict(undefined);
    setSaved(conflict);
    if (keepMine) {
      void send(conflict, draft);
    } else {
      setDraft(draftOf(conflict));
      keepUnsavedReview(caseId, undefined);
      setState('idle');
    }
  };

  const errorAt = (path: string): string | undefined => {
    const found = problems.filter((p) => p.path === path).map((p) => p.message);
    return found.length ? found.join(' ') : undefined;
  };
  const { total, scored } = totalOf(draft, criteria);
  const max = SCORE_MAX * criteria.length;

  return (
    <section class="review-form" aria-labelledby="review-form-title">
      <h2 id="review-form-title">{t('review.form.title')}</h2>
      {locked && (
        <p class="notice" role="alert">
          {locked}
        </p>
      )}
      {conflict && <ReviewConflict mine={draft} theirs={conflict} vocabulary={vocabulary} onResolve={resolve} />}
      <ErrorSummary id="review-errors-title" focusRef={summary} items={problems.map((p) => ({ target: controlId(p.path), text: p.message }))} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send(saved, draft);
        }}
        noValidate
      >
        <fieldset class="plain" disabled={readOnly}>
          <p class="hint">{t('review.form.intro', { min: SCORE_MIN, max: SCORE_MAX })}</p>
          {vocabulary.criteria.map((c) => (
            <Field key={c.id} id={controlId(`scores.${c.id}`)} label={c.label} hint={`${c.guidance} ${t('review.score.hint', { min: SCORE_MIN, max: SCORE_MAX })}`} error={errorAt(`scores.${c.id}`)}>
              {(control) => (
                <input
                  {...control}
                  class="review-score"
                  type="text"
                  inputMode="numeric"
                  autocomplete="off"
                  value={draft.scores[c.id] ?? ''}
                  onInput={(e) => edit({ ...draft, scores: { ...draft.scores, [c.id]: e.currentTarget.value } })}
                />
              )}
            </Field>
          ))}
          <p class="review-total" role="status" aria-live="polite">
            {scored === criteria.length ? t('review.total', { total, max }) : t('review.total.partial', { total, max, scored, count: criteria.length })}
          </p>

          <fieldset class={errorAt('recommendation') ? 'field invalid' : 'field'} aria-describedby={errorAt('recommendation') ? 'review-recommendation-error' : undefined}>
            <legend>{t('review.recommendation')}</legend>
            {errorAt('recommendation') && (
              <p class="error" id="review-recommendation-error">
                {errorAt('recommendation')}
              </p>
            )}
            {vocabulary.recommendations.map((r, i) => {
              const id = i === 0 ? controlId('recommendation') : `${controlId('recommendation')}-${r.id}`;
              return (
                <div class="choice" key={r.id}>
                  <input type="radio" name="recommendation" id={id} value={r.id} checked={draft.recommendation === r.id} onChange={() => edit({ ...draft, recommendation: r.id })} />
                  <label for={id}>{r.label}</label>
                </div>
              );
            })}
          </fieldset>

          <Field id={controlId('comment')} label={t('review.comment')} hint={t('review.comment.hint')} error={errorAt('comment')}>
            {(control) => <textarea {...control} rows={6} value={draft.comment} onInput={(e) => edit({ ...draft, comment: e.currentTarget.value })} />}
          </Field>

          <p class={`save-state save-${state}`} role="status" aria-live="polite">
            {readOnly ? '' : saveText(state, { unsaved, saved, failure, timeZone: edition.timeZone }, t)}
          </p>
          <button type="submit" disabled={state === 'saving' || Boolean(conflict)}>
            {state === 'saving' ? t('review.save.saving') : t('review.save')}
          </button>
        </fieldset>
      </form>
    </section>
  );
}

interface SaveFacts {
  unsaved: boolean;
  saved: Review | null;
  failure: string | undefined;
  timeZone: string;
}

function saveText(state: SaveState, { unsaved, saved, failure, timeZone }: SaveFacts, t: Translate): string {
  switch (state) {
    case 'saving':
      return t('review.save.saving');
    case 'saved':
      return t('review.save.saved');
    case 'invalid':
      return t('review.save.invalid');
    case 'conflict':
      return t('review.conflict.title');
    case 'failed':
      return t('review.save.failed', { reason: failure ?? '' });
    case 'offline':
      return t('review.save.offline');
    case 'idle':
      if (unsaved) return t('review.save.unsaved');
      return saved ? t('review.save.savedAt', { time: zonedTime(t, saved.updatedAt, timeZone) }) : t('review.save.none');
  }
}
