/**
 * Object-level authorisation for everything under /cases/{caseId}: the case as the caller may see it, or
 * the API's answer when they may not (404 when they may not see it at all, so ids cannot be probed; 403 when
 * they see it but the operation is the owner's, or the committee's and they own it).
 */
import { frozenConflict, isFrozen, viewerOf, type CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import type { EditionRecord, ExtensionRecord } from '#domain/edition';
import { AppError, notFound } from '#domain/errors';
import type { ReviewerRecord } from '#domain/review';
import type { Viewer } from '#domain/vocabulary';
import type { Cases, Editions, Reviews } from './ports.ts';

export interface CaseAccessPorts {
  cases: Pick<Cases, 'getCase'>;
  editions: Pick<Editions, 'getEditionFor'>;
  reviews: Pick<Reviews, 'getReviewer'>;
}

export interface CaseAccess {
  record: CaseRecord;
  edition: EditionRecord;
  /** The owner's extension, when the case belongs to the caller and they have one. */
  extension?: ExtensionRecord;
  viewer: Viewer;
  /** The caller's reviewer pair on this case, when they are (or were) on its committee. */
  reviewer?: ReviewerRecord;
}

/** A case with its edition and its owner's extension (when they hold one): what the owner's view of it says. */
export type CaseInEdition = Pick<CaseAccess, 'record' | 'edition' | 'extension'>;

export type CaseNeed = 'view' | 'own' | 'edit' | 'committee' | 'review';

/**
 * 'view': the owner, organisers and assigned reviewers. 'own': the owner only (others who can see it get 403).
 * 'edit': the owner, changing what was submitted: also 409 once the case is frozen (a decision, or its owner
 * notified), whatever extension they hold. 'committee': an organiser acting on the committee's work (reviews,
 * reviewers, the decision), never on a case they own (403: a conflict of interest). 'review': a reviewer who is
 * assigned to the case or has declared a conflict on it (reviewer.state says which); to everyone else the case
 * does not exist.
 */
export async function caseFor(ports: CaseAccessPorts, caseId: string, caller: Caller, need: CaseNeed): Promise<CaseAccess> {
  return accessTo(ports, await ports.cases.getCase(caseId), caller, need);
}

/** caseFor for a case already read (or not found: undefined), e.g. together with its attachments. */
export async function accessTo(ports: Omit<CaseAccessPorts, 'cases'>, record: CaseRecord | undefined, caller: Caller, need: CaseNeed): Promise<CaseAccess> {
  if (!record) throw notFound('case');
  const caseId = record.caseId;
  let viewer = need === 'review' ? undefined : viewerOf(record, caller);
  let reviewer: ReviewerRecord | undefined;
  if (!viewer && caller.groups.includes('reviewers') && record.ownerId !== caller.sub) {
    reviewer = await ports.reviews.getReviewer(caseId, caller.sub, need === 'review');
    if (reviewer?.state === 'assigned' || (need === 'review' && reviewer)) viewer = 'reviewer';
  }
  if (!viewer) throw notFound('case');
  if ((need === 'own' || need === 'edit') && viewer !== 'owner') throw new AppError('forbidden', 'detail.owner-only');
  if (need === 'edit' && isFrozen(record)) throw frozenConflict();
  if (need === 'committee') {
    assertNotOwner(record, caller);
    if (viewer !== 'organiser') throw notFound('case');
  }
  const { edition, extension } = await ports.editions.getEditionFor(record.editionId, record.ownerId);
  if (!edition) throw new Error(`Case ${record.caseId} refers to a missing edition ${record.editionId}`);
  return { record, edition, viewer, ...(extension ? { extension } : {}), ...(reviewer ? { reviewer } : {}) };
}

/** The committee's work on a case is not its owner's, even when the owner is an organiser: a conflict of interest. */
export const ownCaseForbidden = (): AppError =>
  new AppError('forbidden', 'detail.own-case');

export function assertNotOwner(c: Pick<CaseRecord, 'ownerId'>, caller: Caller): void {
  if (c.ownerId === caller.sub) throw ownCaseForbidden();
}
