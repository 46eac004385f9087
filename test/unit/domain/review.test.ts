import { describe, expect, it } from 'vitest';
import { aggregateOf, caseIdOfScoreKey, NO_REVIEWS, scoreKey } from '#domain/review';
import { csvCell, csvRow } from '#domain/csv';
import { AssignmentsInput, ReviewInput } from '#domain/review-input';
import { EditionCasesQuery } from '#domain/selection-input';
import { fieldProblems } from '#shared/http';

const CASE_A = '01HZX3N4QK7M2XG5V6R9T0BCDE';
const CASE_B = '01HZX3N4QK7M2XG5V6R9T0BCDF';
const review = (innovation: number, impact: number, cooperation: number, sustainability: number, recommendation: 'outstanding' | 'collection' | 'not-selected' = 'collection') => ({
  scores: { innovation, impact, cooperation, sustainability },
  recommendation,
});

describe('the review aggregate', () => {
  it('matches the figures computed by hand', () => {
    // Totals 24, 33, 15: mean 24, min 15, max 33, spread 18; sd = sqrt((0 + 81 + 81) / 3) = sqrt(54).
    const agg = aggregateOf([review(6, 6, 6, 6, 'collection'), review(9, 8, 7, 9, 'outstanding'), review(3, 4, 5, 3, 'not-selected')]);
    expect(agg).toMatchObject({ count: 3, meanTotal: 24, minTotal: 15, maxTotal: 33, spread: 18, recommendations: { outstanding: 1, collection: 1, 'not-selected': 1 } });
    expect(agg.mean).toEqual({ innovation: 6, impact: 6, cooperation: 6, sustainability: 6 });
    expect(agg.stdDev).toBeCloseTo(Math.sqrt(54), 12);
  });

  it('is all nulls and zero counts without reviews, and has no spread with one', () => {
    expect(aggregateOf([])).toEqual(NO_REVIEWS);
    expect(NO_REVIEWS).toMatchObject({ count: 0, mean: null, meanTotal: null, spread: null, recommendations: { outstanding: 0, collection: 0, 'not-selected': 0 } });
    expect(aggregateOf([review(1, 2, 3, 4)])).toMatchObject({ count: 1, meanTotal: 10, spread: 0, stdDev: 0 });
  });
});

describe('the score key of the ranking index', () => {
  it('sorts as a string exactly as the mean totals sort as numbers, unreviewed cases last', () => {
    const means = [4, 4.0004, 4.25, 9.999, 10, 17.333333, 29, 39.9995, 40];
    const keysInOrder = means.map((m) => scoreKey({ meanTotal: m }, CASE_A));
    expect([...keysInOrder].sort()).toEqual(keysInOrder);
    expect(scoreKey(undefined, CASE_A) < scoreKey({ meanTotal: 4 }, CASE_A)).toBe(true);
    expect(scoreKey({ meanTotal: 29 }, CASE_A) < scoreKey({ meanTotal: 29 }, CASE_B)).toBe(true);
  });

  it('gives back the case id, and nothing for a key that is not one', () => {
    expect(caseIdOfScoreKey(scoreKey({ meanTotal: 12.5 }, CASE_A))).toBe(CASE_A);
    for (const bad of ['S#12500#nope', `S#1250#${CASE_A}`, `CASE#${CASE_A}`, '', `S#12500#${CASE_A}#x`]) expect(caseIdOfScoreKey(bad)).toBeUndefined();
  });
});

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-2)).toBe('-2');
  });

  it('quotes commas, quotes and line breaks, and leaves other text (any script) as it is', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('数字丝路')).toBe('数字丝路');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, undefined])).toBe('a,1,\r\n');
  });
});

describe('review and assignment input', () => {
  const problems = (schema: { safeParse: (x: unknown) => { success: boolean; error?: unknown } }, input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [] : fieldProblems(parsed.error as never, undefined, input);
  };

  it('takes integer scores 1-10 for the four criteria, a recommendation and an optional comment', () => {
    expect(problems(ReviewInput, { ...review(1, 10, 5, 7), comment: 'Fine' })).toEqual([]);
    expect(problems(ReviewInput, { scores: { innovation: 0, impact: 11, cooperation: 2.5 }, recommendation: 'yes', status: 'x' }).map((p) => `${p.path}:${p.code}`).sort()).toEqual([
      'recommendation:invalid-value',
      'scores.cooperation:invalid-type',
      'scores.impact:too-long',
      'scores.innovation:too-short',
      'scores.sustainability:required',
      'status:unknown-field',
    ]);
  });

  it('refuses a bulk list that is empty or names a pair twice', () => {
    expect(problems(AssignmentsInput, {}).map((p) => p.code)).toEqual(['empty-bulk']);
    const pair = { caseId: CASE_A, sub: 'rita' };
    expect(problems(AssignmentsInput, { assign: [pair], unassign: [pair] })).toEqual([expect.objectContaining({ path: 'unassign.0', code: 'duplicate-pair' })]);
  });

  it('ranks only submitted cases', () => {
    expect(problems(EditionCasesQuery, { sort: 'score', status: 'draft' }).map((p) => p.code)).toEqual(['not-ranked']);
    expect(EditionCasesQuery.parse({ sort: 'score', status: 'submitted', limit: '5' })).toMatchObject({ limit: 5 });
    expect(EditionCasesQuery.parse({})).toMatchObject({ sort: 'newest', limit: 25 });
  });
});
