/**
 * The deadline for one writer: whether the edition (or their extension) accepts their change now, and the
 * checks that make DynamoDB enforce the same in the write itself.
 */
import { frozenConflict, isFrozen } from '#domain/case';
import type { EditionRecord, ExtensionRecord } from '#domain/edition';
import { AppError } from '#domain/errors';
import { acceptance, gateRefusal } from '#domain/rules';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { deadlineChecks } from '#adapters/transact';
import type { TransactItem } from '#adapters/table';

export interface Gate {
  until: string;
  checks: TransactItem[];
}

export function gateFor(edition: EditionRecord, extension: ExtensionRecord | undefined, now: Date): Gate {
  const a = acceptance(edition, now, extension?.deadline);
  if (!a.ok) throw new AppError(a.code, a.detail);
  return { until: a.until, checks: deadlineChecks(edition.editionId, now.toISOString(), a.viaExtension ? extension!.sub : undefined) };
}

/**
 * The write's own deadline check refused it: the 409 that says why, from a fresh read of the edition. With
 * `caseId`, the write also checked the case (its attachments' window), which may have been frozen meanwhile.
 */
export async function refusal(edition: EditionRecord, now: Date, caseId?: string): Promise<AppError> {
  const fresh = caseId ? await getCase(caseId, true) : undefined;
  if (fresh && isFrozen(fresh)) return frozenConflict();
  return gateRefusal((await getEdition(edition.editionId)) ?? edition, now);
}
