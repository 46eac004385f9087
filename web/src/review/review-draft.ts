/**
 * The scoring form's copy of a review: each score as typed, the recommendation and the comment; the total of the
 * scores typed so far; what a draft becomes in a PUT; and the draft not saved yet, kept in this tab's sessionStorage so
 * that an expired session or a reload loses nothing.
 */
import { SCORE_MAX, SCORE_MIN } from '../../../functions/domain/vocabulary.ts';
import type { Criterion, Recommendation, Review, ReviewInput } from './queries';

export interface ReviewDraft {
  scores: Partial<Record<Criterion, string>>;
  recommendation: Recommendation | '';
  comment: string;
}

const EMPTY_DRAFT: ReviewDraft = { scores: {}, recommendation: '', comment: '' };

export function draftOf(review: Review | null): ReviewDraft {
  if (!review) return EMPTY_DRAFT;
  const scores: ReviewDraft['scores'] = {};
  for (const [criterion, score] of Object.entries(review.scores) as [Criterion, number][]) scores[criterion] = String(score);
  return { scores, recommendation: review.recommendation, comment: review.comment ?? '' };
}

/** A score as typed, if it is one the API takes: a whole number in range. */
export function scoreOf(typed: string | undefined): number | undefined {
  if (!typed || !/^\s*\d+\s*$/.test(typed)) return undefined;
  const score = Number(typed);
  return score >= SCORE_MIN && score <= SCORE_MAX ? score : undefined;
}

/** The sum of the valid scores typed so far, and how many criteria they are. */
export function totalOf(draft: ReviewDraft, criteria: readonly Criterion[]): { total: number; scored: number } {
  const scores = criteria.map((c) => scoreOf(draft.scores[c])).filter((s): s is number => s !== undefined);
  return { total: scores.reduce((sum, s) => sum + s, 0), scored: scores.length };
}

export type DraftProblem = { path: string; code: 'score' | 'recommendation' };

/** The PUT body of the draft, or what is missing or wrong first, by the API's paths (`scores.impact`, `recommendation`). */
export function checked(draft: ReviewDraft, criteria: readonly Criterion[]): { input: ReviewInput } | { problems: DraftProblem[] } {
  const scores: Partial<Record<Criterion, number>> = {};
  const problems: DraftProblem[] = [];
  for (const c of criteria) {
    const score = scoreOf(draft.scores[c]);
    if (score === undefined) problems.push({ path: `scores.${c}`, code: 'score' });
    else scores[c] = score;
  }
  if (!draft.recommendation) problems.push({ path: 'recommendation', code: 'recommendation' });
  if (problems.length || !draft.recommendation) return { problems };
  return { input: { scores: scores as ReviewInput['scores'], recommendation: draft.recommendation, comment: draft.comment.trim() || null } };
}

/** Whether two drafts say the same, as typed (spaces around a value aside). */
export const sameDraft = (a: ReviewDraft, b: ReviewDraft, criteria: readonly Criterion[]): boolean =>
  a.recommendation === b.recommendation && a.comment.trim() === b.comment.trim() && criteria.every((c) => (a.scores[c] ?? '').trim() === (b.scores[c] ?? '').trim());

/** A draft kept in this tab, and the version of the review it was typed on (0: none saved then). */
export interface UnsavedReview {
  draft: ReviewDraft;
  version: number;
}

const unsavedKey = (caseId: string): string => `practice-cases.review.${caseId}`;

export function keepUnsavedReview(caseId: string, unsaved: UnsavedReview | undefined): void {
  if (unsaved) sessionStorage.setItem(unsavedKey(caseId), JSON.stringify(unsaved));
  else sessionStorage.removeItem(unsavedKey(caseId));
}

export function unsavedReviewOf(caseId: string): UnsavedReview | undefined {
  const kept = sessionStorage.getItem(unsavedKey(caseId));
  if (!kept) return undefined;
  try {
    return JSON.parse(kept) as UnsavedReview;
  } catch {
    return undefined;
  }
}
