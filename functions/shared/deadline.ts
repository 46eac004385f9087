/**
 * The deadline for one writer: whether the edition (or their extension) accepts their change now, and the
 * checks that make DynamoDB enforce the same in the write itself.
 */
import type { EditionRecord, ExtensionRecord } from '#domain/edition';
import { AppError } from '#domain/errors';
import { acceptance } from '#domain/rules';
import { deadlineChecks, type TransactItem } from '#adapters/transact';

export interface Gate {
  until: string;
  checks: TransactItem[];
}

export function gateFor(edition: EditionRecord, extension: ExtensionRecord | undefined, now: Date): Gate {
  const a = acceptance(edition, now, extension?.deadline);
  if (!a.ok) throw new AppError(a.code, a.detail);
  return { until: a.until, checks: deadlineChecks(edition.editionId, now.toISOString(), a.viaExtension ? extension!.sub : undefined) };
}
