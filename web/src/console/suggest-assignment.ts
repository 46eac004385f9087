/**
 * A balanced assignment to propose to the organiser: each case gets `perCase` reviewers in all (those it has count),
 * each reviewer about the same load, and nobody on a case they own or declared a conflict on. Greedy: the cases with
 * the fewest possible reviewers are served first, each from the least loaded reviewers (ties by sub, so the same
 * inputs give the same proposal). Pure: the page shows the result and the organiser edits it before saving.
 */

export interface CaseToStaff {
  caseId: string;
  /** The applicant's sub: never their own reviewer. */
  ownerSub: string;
  assigned: readonly string[];
  conflicted: readonly string[];
}

export interface ReviewerLoad {
  sub: string;
  /** Cases assigned to them now, in this edition or elsewhere: the suggestion evens out the total. */
  load: number;
}

export interface Pair {
  caseId: string;
  sub: string;
}

export interface Suggestion {
  /** New pairs only: what is assigned already stays. */
  pairs: Pair[];
  /** Cases that cannot reach `perCase` reviewers: too few reviewers may take them. */
  short: string[];
}

export function suggestAssignment(cases: readonly CaseToStaff[], reviewers: readonly ReviewerLoad[], perCase: number): Suggestion {
  const load = new Map(reviewers.map((r) => [r.sub, r.load]));
  const eligible = (c: CaseToStaff) => reviewers.filter((r) => r.sub !== c.ownerSub && !c.conflicted.includes(r.sub) && !c.assigned.includes(r.sub)).map((r) => r.sub);
  const order = [...cases].sort((a, b) => eligible(a).length - eligible(b).length || a.caseId.localeCompare(b.caseId));
  const pairs: Pair[] = [];
  const short: string[] = [];
  for (const c of order) {
    const need = Math.max(0, perCase - c.assigned.length);
    const chosen = eligible(c)
      .sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, need);
    for (const sub of chosen) {
      load.set(sub, (load.get(sub) ?? 0) + 1);
      pairs.push({ caseId: c.caseId, sub });
    }
    if (chosen.length < need) short.push(c.caseId);
  }
  return { pairs, short };
}
