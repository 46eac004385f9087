/**
 * The committee's work on a case: who reviews it (assignments and declared conflicts of interest), the
 * reviews, and their aggregate. Pure functions; the clock and the caller are passed in.
 */
import { ULID_PATTERN } from './ids.ts';
import { CRITERIA, RECOMMENDATIONS, type Criterion, type Recommendation, type ReviewerState } from './vocabulary.ts';

/** At most this many reviewers (assigned or conflicted) on one case: a case's reviews are always one page. */
export const MAX_REVIEWERS_PER_CASE = 20;

export type Scores = Record<Criterion, number>;

/** A reviewer on a case, as stored. A conflicted pair stays, so that the reviewer cannot be assigned again. */
export interface ReviewerRecord {
  caseId: string;
  editionId: string;
  sub: string;
  state: ReviewerState;
  assignedAt: string;
  assignedBy: string;
  /** When the reviewer last saved their review; absent until they do. */
  reviewedAt?: string;
  conflictReason?: string;
  declaredAt?: string;
}

export interface ReviewRecord {
  caseId: string;
  editionId: string;
  reviewerId: string;
  /** The reviewer's account address when they saved it, so organisers know who wrote it. */
  reviewerEmail: string;
  scores: Scores;
  recommendation: Recommendation;
  comment?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What organisers see of a case's reviews taken together. Kept on the case item and recomputed on every change. */
export interface ReviewAggregate {
  count: number;
  /** Mean score per criterion; null while there is no review. */
  mean: Scores | null;
  /** The mean of the reviewers' totals (4 to 40), which is also the sum of the criterion means. */
  meanTotal: number | null;
  minTotal: number | null;
  maxTotal: number | null;
  /** maxTotal - minTotal: how far apart the reviewers are. */
  spread: number | null;
  /** Population standard deviation of the totals. */
  stdDev: number | null;
  recommendations: Record<Recommendation, number>;
}

export const totalOf = (s: Scores): number => CRITERIA.reduce((sum, c) => sum + s[c], 0);

export function aggregateOf(reviews: readonly Pick<ReviewRecord, 'scores' | 'recommendation'>[]): ReviewAggregate {
  const recommendations = Object.fromEntries(RECOMMENDATIONS.map((r) => [r, 0])) as Record<Recommendation, number>;
  for (const r of reviews) recommendations[r.recommendation] += 1;
  const count = reviews.length;
  if (count === 0) return { count, mean: null, meanTotal: null, minTotal: null, maxTotal: null, spread: null, stdDev: null, recommendations };
  const mean = Object.fromEntries(CRITERIA.map((c) => [c, reviews.reduce((s, r) => s + r.scores[c], 0) / count])) as Scores;
  const totals = reviews.map((r) => totalOf(r.scores));
  const meanTotal = totals.reduce((a, b) => a + b, 0) / count;
  const minTotal = Math.min(...totals);
  const maxTotal = Math.max(...totals);
  const stdDev = Math.sqrt(totals.reduce((s, t) => s + (t - meanTotal) ** 2, 0) / count);
  return { count, mean, meanTotal, minTotal, maxTotal, spread: maxTotal - minTotal, stdDev, recommendations };
}

export const NO_REVIEWS: ReviewAggregate = aggregateOf([]);

/** The aggregate with its fields in a fixed order (a stored map comes back in any order). */
export function aggregateView(a: ReviewAggregate | undefined): ReviewAggregate {
  if (!a) return NO_REVIEWS;
  return {
    count: a.count,
    mean: a.mean ? (Object.fromEntries(CRITERIA.map((c) => [c, a.mean![c]])) as Scores) : null,
    meanTotal: a.meanTotal,
    minTotal: a.minTotal,
    maxTotal: a.maxTotal,
    spread: a.spread,
    stdDev: a.stdDev,
    recommendations: Object.fromEntries(RECOMMENDATIONS.map((r) => [r, a.recommendations[r] ?? 0])) as Record<Recommendation, number>,
  };
}

/**
 * The ranking index's sort key: the mean total in thousandths, zero-padded so that it sorts as a string,
 * then the case id for a stable order among equal scores. A case without reviews ranks last (00000).
 */
export function scoreKey(aggregate: Pick<ReviewAggregate, 'meanTotal'> | undefined, caseId: string): string {
  const thousandths = Math.round((aggregate?.meanTotal ?? 0) * 1000);
  return `S#${String(thousandths).padStart(5, '0')}#${caseId}`;
}

/** The case id at the end of a score key, or undefined when the key is not one. */
export function caseIdOfScoreKey(key: string): string | undefined {
  const m = /^S#\d{5}#(.+)$/.exec(key);
  return m && ULID_PATTERN.test(m[1]!) ? m[1] : undefined;
}
