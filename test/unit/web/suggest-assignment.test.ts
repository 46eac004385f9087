import { describe, expect, it } from 'vitest';
import { suggestAssignment, type CaseToStaff, type Pair } from '../../../web/src/console/suggest-assignment.ts';

const staff = (caseId: string, ownerSub: string, assigned: string[] = [], conflicted: string[] = []): CaseToStaff => ({ caseId, ownerSub, assigned, conflicted });
const reviewers = (...subs: string[]) => subs.map((sub) => ({ sub, load: 0 }));
const countBy = (pairs: Pair[], key: keyof Pair) => pairs.reduce((m, p) => m.set(p[key], (m.get(p[key]) ?? 0) + 1), new Map<string, number>());

describe('suggestAssignment', () => {
  it('gives every case N reviewers and every reviewer the same load, give or take one', () => {
    // Prepare
    const cases = Array.from({ length: 7 }, (_, i) => staff(`case-${i}`, `applicant-${i}`));
    // Act
    const { pairs, short } = suggestAssignment(cases, reviewers('ana', 'bo', 'chen', 'dara'), 3);
    // Assess
    expect(short).toEqual([]);
    expect([...countBy(pairs, 'caseId').values()]).toEqual(Array(7).fill(3));
    const loads = [...countBy(pairs, 'sub').values()];
    expect(loads.reduce((a, b) => a + b, 0)).toBe(21);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(new Set(pairs.map((p) => `${p.caseId} ${p.sub}`)).size).toBe(pairs.length);
  });

  it('never puts a reviewer on a case they own or declared a conflict on', () => {
    const cases = [staff('a', 'ana'), staff('b', 'bo', [], ['chen']), staff('c', 'x', [], ['ana', 'bo'])];
    const { pairs, short } = suggestAssignment(cases, reviewers('ana', 'bo', 'chen'), 2);
    expect(pairs).not.toContainEqual({ caseId: 'a', sub: 'ana' });
    expect(pairs).not.toContainEqual({ caseId: 'b', sub: 'bo' });
    expect(pairs).not.toContainEqual({ caseId: 'b', sub: 'chen' });
    expect(pairs.filter((p) => p.caseId === 'c')).toEqual([{ caseId: 'c', sub: 'chen' }]);
    expect(short).toEqual(['b', 'c']);
  });

  it('counts the reviewers a case has and the load a reviewer carries', () => {
    const cases = [staff('a', 'x', ['ana']), staff('b', 'y')];
    const { pairs } = suggestAssignment(cases, [{ sub: 'ana', load: 5 }, { sub: 'bo', load: 0 }, { sub: 'chen', load: 1 }], 2);
    // a has ana already: one more, the least loaded. b: the two least loaded after that.
    expect(pairs.filter((p) => p.caseId === 'a')).toEqual([{ caseId: 'a', sub: 'bo' }]);
    expect(pairs.filter((p) => p.caseId === 'b').map((p) => p.sub).sort()).toEqual(['bo', 'chen']);
    expect(pairs).not.toContainEqual({ caseId: 'a', sub: 'ana' });
  });

  it('serves first the cases with the fewest possible reviewers, so that they are not left short', () => {
    // Only bo can take b; a greedy pass in id order would give bo to a first if a were served by load alone.
    const cases = [staff('a', 'x'), staff('b', 'y', [], ['ana'])];
    const { pairs, short } = suggestAssignment(cases, [{ sub: 'ana', load: 1 }, { sub: 'bo', load: 0 }], 1);
    expect(short).toEqual([]);
    expect(pairs).toEqual([{ caseId: 'b', sub: 'bo' }, { caseId: 'a', sub: 'ana' }]);
  });

  it('proposes nothing for a case that has its reviewers, and is the same for the same inputs', () => {
    const cases = [staff('a', 'x', ['ana', 'bo']), staff('b', 'y'), staff('c', 'z')];
    const once = suggestAssignment(cases, reviewers('ana', 'bo', 'chen'), 2);
    expect(once.pairs.some((p) => p.caseId === 'a')).toBe(false);
    expect(suggestAssignment(cases, reviewers('ana', 'bo', 'chen'), 2)).toEqual(once);
  });
});
