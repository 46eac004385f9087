/**
 * The committee's changes that several use cases share: assigning and unassigning reviewers (one pair or a
 * bulk list, all or nothing), and changing a case's reviews together with its aggregate.
 */
import type { Caller } from '#domain/caller';
import type { CaseRecord } from '#domain/case';
import { releasedConflict, type AuditRecord } from '#domain/edition';
import { AppError, notFound, type FieldProblem } from '#domain/errors';
import type { Message } from '#domain/i18n/catalogues';
import { aggregateOf, MAX_REVIEWERS_PER_CASE, type ReviewerRecord, type ReviewRecord } from '#domain/review';
import type { Pair } from '#domain/review-input';
import { editionStatus } from '#domain/rules';
import type { TransactItem } from '#adapters/table';
import { ownCaseForbidden } from '../case-access.ts';
import type { AuditTrail, Cases, Editions, Reviews, Transactions } from '../ports.ts';

export type AssignmentPorts = {
  cases: Pick<Cases, 'getCases'>;
  editions: Pick<Editions, 'getEditions'>;
  reviews: Pick<Reviews, 'getReviewers' | 'countReviewers' | 'allReviews' | 'aggregateUpdate' | 'caseCheck' | 'assignPut' | 'unassignDelete' | 'reviewDelete'>;
  transactions: Pick<Transactions, 'editionClosedCheck'>;
  audit: Pick<AuditTrail, 'auditedTransact'>;
};

export type ChangeReviewsPorts = {
  cases: Pick<Cases, 'getCase'>;
  reviews: Pick<Reviews, 'allReviews'>;
  audit: Pick<AuditTrail, 'auditedTransact'>;
};

/** DynamoDB's limit on the items of one TransactWriteItems, which makes a bulk change all or nothing. */
export const TRANSACTION_MAX_ITEMS = 100;
/** Times a change is planned again after something it read changed before it was written. */
const PLAN_ATTEMPTS = 5;

export interface AssignmentChange {
  kind: 'assign' | 'unassign';
  pair: Pair;
  /** Where the pair sits in the request, for per-pair errors (e.g. assign.3). */
  path: string;
}

export interface AssignmentResult {
  assigned: ReviewerRecord[];
  unassigned: ReviewerRecord[];
  unchanged: ReviewerRecord[];
}

/** Refused pairs: nothing was changed; each error names its pair's place in the request and why. */
class AssignmentRefused extends AppError {
  constructor(errors: FieldProblem[]) {
    super('conflict', { key: 'detail.pairs-refused', params: { count: errors.length } }, errors);
  }
}

/** The per-pair code for a pair on a case the calling organiser owns (the single routes answer it with 403). */
const OWNER_ORGANISER = 'owner-organiser';

/** The single-pair routes answer a refused pair as the resource it names: 404 for what is not there, 403 for the owner's case. */
export function singlePairRefusal(err: unknown): never {
  const code = err instanceof AssignmentRefused ? err.errors?.[0]?.code : undefined;
  if (code === 'not-found') throw notFound('case');
  if (code === 'not-assigned') throw notFound('assignment');
  if (code === OWNER_ORGANISER) throw ownCaseForbidden();
  throw err;
}

const pairKey = (p: Pair) => `${p.caseId}/${p.sub}`;

interface Plan {
  items: { item: TransactItem; onFail: 'stale' | 'edition' }[];
  audit: AuditRecord[];
  result: AssignmentResult;
}

/** One audit entry per edition and kind of change, listing its pairs (caseId/sub); the subject is the case when there is one. */
function assignmentAudit(result: AssignmentResult, by: string, at: string): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const [action, pairs] of [['reviewers-assigned', result.assigned], ['reviewers-unassigned', result.unassigned]] as const) {
    for (const editionId of new Set(pairs.map((p) => p.editionId))) {
      const mine = pairs.filter((p) => p.editionId === editionId);
      const cases = new Set(mine.map((p) => p.caseId));
      const subject = cases.size === 1 ? [...cases][0]! : editionId;
      out.push({ editionId, at, action, by, subject, details: { pairs: mine.map((p) => `${p.caseId}/${p.sub}`).join(' ') } });
    }
  }
  return out;
}

async function plan(ports: AssignmentPorts, changes: AssignmentChange[], caller: Caller, now: Date, editionId: string | undefined): Promise<Plan> {
  const t = now.toISOString();
  const caseIds = [...new Set(changes.map((c) => c.pair.caseId))];
  const [caseRecords, pairs] = await Promise.all([ports.cases.getCases(caseIds, true), ports.reviews.getReviewers(changes.map((c) => c.pair))]);
  const cases = new Map(caseRecords.map((c) => [c.caseId, c]));
  const pairOf = new Map(pairs.map((p) => [pairKey(p), p]));
  const editions = await ports.editions.getEditions([...new Set([...cases.values()].map((c) => c.editionId))]);

  const errors: FieldProblem[] = [];
  const refuse = (c: AssignmentChange, code: string, message: Message) => errors.push({ path: c.path, code, message });
  const result: AssignmentResult = { assigned: [], unassigned: [], unchanged: [] };
  const newPerCase = new Map<string, number>();
  const removedReviewers = new Map<string, Set<string>>();

  for (const change of changes) {
    const { caseId, sub } = change.pair;
    const c = cases.get(caseId);
    const edition = c && editions.get(c.editionId);
    if (!c || !edition || (editionId !== undefined && c.editionId !== editionId)) {
      refuse(change, 'not-found', editionId ? { key: 'field.not-found.in-edition', params: { caseId, editionId } } : { key: 'field.not-found', params: { caseId } });
      continue;
    }
    if (c.ownerId === caller.sub) {
      // A conflict of interest: who reviews a case is not for its owner to choose, even as an organiser.
      refuse(change, OWNER_ORGANISER, { key: 'field.owner-organiser', params: { caseId } });
      continue;
    }
    const status = editionStatus(edition, now);
    if (status !== 'closed') {
      refuse(change, 'edition-not-closed', { key: status === 'released' ? 'field.edition-not-closed.released' : 'field.edition-not-closed' });
      continue;
    }
    const existing = pairOf.get(pairKey(change.pair));
    if (change.kind === 'assign') {
      if (c.status !== 'submitted') refuse(change, 'not-submitted', { key: 'field.not-submitted', params: { caseId, status: c.status } });
      else if (sub === c.ownerId) refuse(change, 'owner', { key: 'field.owner', params: { sub, caseId } });
      else if (existing?.state === 'conflicted') refuse(change, 'conflict-of-interest', { key: 'field.conflict-of-interest', params: { sub, caseId } });
      else if (existing) result.unchanged.push(existing);
      else {
        result.assigned.push({ caseId, editionId: c.editionId, sub, state: 'assigned', assignedAt: t, assignedBy: caller.sub });
        newPerCase.set(caseId, (newPerCase.get(caseId) ?? 0) + 1);
      }
    } else if (existing?.state !== 'assigned') {
      refuse(change, 'not-assigned', { key: 'field.not-assigned', params: { sub, caseId } });
    } else {
      if (existing.reviewedAt && c.decision) refuse(change, 'decided', { key: 'field.decided', params: { caseId } });
      else {
        result.unassigned.push(existing);
        if (existing.reviewedAt) removedReviewers.set(caseId, (removedReviewers.get(caseId) ?? new Set()).add(sub));
      }
    }
  }

  const counts = await Promise.all([...newPerCase].map(async ([caseId, added]) => [caseId, added, await ports.reviews.countReviewers(caseId)] as const));
  for (const [caseId, added, existing] of counts) {
    if (existing + added > MAX_REVIEWERS_PER_CASE) {
      for (const change of changes.filter((c) => c.kind === 'assign' && c.pair.caseId === caseId)) {
        refuse(change, 'too-many-reviewers', { key: 'field.too-many-reviewers', params: { caseId, count: existing + added, max: MAX_REVIEWERS_PER_CASE } });
      }
    }
  }
  if (errors.length) throw new AssignmentRefused(errors);

  const reviewsOf = new Map(await Promise.all([...removedReviewers.keys()].map(async (id) => [id, await ports.reviews.allReviews(id)] as const)));
  const items: Plan['items'] = [];
  for (const id of new Set([...result.assigned, ...result.unassigned].map((p) => p.editionId))) items.push({ item: ports.transactions.editionClosedCheck(id, t), onFail: 'edition' });
  const assignedCases = new Set(result.assigned.map((p) => p.caseId));
  for (const caseId of new Set([...assignedCases, ...removedReviewers.keys()])) {
    const removed = removedReviewers.get(caseId);
    const requirement = { submitted: assignedCases.has(caseId), undecided: removed !== undefined };
    if (removed) {
      const kept = (reviewsOf.get(caseId) ?? []).filter((r) => !removed.has(r.reviewerId));
      items.push({ item: ports.reviews.aggregateUpdate(cases.get(caseId)!, aggregateOf(kept), requirement), onFail: 'stale' });
    } else {
      items.push({ item: ports.reviews.caseCheck(caseId, requirement), onFail: 'stale' });
    }
  }
  for (const p of result.assigned) items.push({ item: ports.reviews.assignPut(p), onFail: 'stale' });
  for (const p of result.unassigned) {
    items.push({ item: ports.reviews.unassignDelete(p.caseId, p.sub), onFail: 'stale' });
    if (reviewsOf.get(p.caseId)?.some((r) => r.reviewerId === p.sub)) items.push({ item: ports.reviews.reviewDelete(p.caseId, p.sub), onFail: 'stale' });
  }
  const audit = assignmentAudit(result, caller.sub, t);
  if (items.length + audit.length > TRANSACTION_MAX_ITEMS) {
    throw new AppError('validation-failed', { key: 'detail.too-many-writes', params: { writes: items.length + audit.length, max: TRANSACTION_MAX_ITEMS } }, [
      { path: '', code: 'too-many-changes', message: { key: 'field.too-many-changes' } },
    ]);
  }
  return { items, audit, result };
}

/**
 * Applies every change or none. Reads what the changes touch, refuses the whole request with per-pair errors
 * when any pair cannot be applied, and otherwise writes it all in one transaction whose conditions re-check
 * what was read (edition closed, case submitted, pairs unchanged, aggregates current). When one of those
 * moved in between, it plans again.
 */
export async function applyAssignments(ports: AssignmentPorts, changes: AssignmentChange[], caller: Caller, now: Date, editionId?: string): Promise<AssignmentResult> {
  for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt++) {
    const { items, audit, result } = await plan(ports, changes, caller, now, editionId);
    if (items.length === 0) return result;
    const outcome = await ports.audit.auditedTransact(items, audit);
    if (outcome === 'ok') return result;
    // 'edition' or 'stale': the next plan reads the new state and says precisely what changed.
  }
  throw new AppError('rate-limited', 'detail.cases-busy');
}

/**
 * Changes a case's reviews and its aggregate together. `attempt` gets the case and all its reviews, freshly
 * read, and returns the transaction to run (with its audit entries, if any), or an answer. A transaction cancelled because the case or a
 * review moved in between is planned again.
 */
export async function changeReviews<T>(
  ports: ChangeReviewsPorts,
  caseId: string,
  attempt: (current: CaseRecord, reviews: ReviewRecord[]) => Promise<{ items: { item: TransactItem; onFail: 'stale' | 'edition' }[]; audit?: AuditRecord[]; done: () => T } | { answer: T }>,
): Promise<T> {
  for (let n = 1; n <= PLAN_ATTEMPTS; n++) {
    const [current, reviews] = await Promise.all([ports.cases.getCase(caseId, true), ports.reviews.allReviews(caseId)]);
    if (!current) throw notFound('case');
    const step = await attempt(current, reviews);
    if ('answer' in step) return step.answer;
    const outcome = await ports.audit.auditedTransact(step.items, step.audit ?? []);
    if (outcome === 'ok') return step.done();
    if (outcome === 'edition') throw releasedConflict('committee-finished');
  }
  throw new AppError('rate-limited', 'detail.reviews-busy');
}
