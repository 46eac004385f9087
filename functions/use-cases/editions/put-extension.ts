/**
 * Gives one applicant a later deadline, with a reason; written to the audit trail in the same transaction,
 * whose condition re-checks the edition (not released, no decision recorded) so that a decision recorded
 * meanwhile still refuses it.
 * Primary course:
 * 1. Read the edition: 404 when there is none; 409 once released or once a decision is recorded.
 * 2. Write the extension with its audit entry; refused by the write's own check, answer why from a fresh read.
 */
import type { Caller } from '#domain/caller';
import { releasedConflict, type EditionRecord, type ExtensionRecord } from '#domain/edition';
import { AppError, notFound } from '#domain/errors';
import type { Editions } from '../ports.ts';

/** Why the edition takes no extension now, or undefined when it does. */
function refusalOf(edition: EditionRecord | undefined): AppError | undefined {
  if (!edition) return notFound('edition');
  if (edition.releasedAt) return releasedConflict('no-extensions');
  // An extension after a decision would let an owner rewrite a case that was decided on.
  if (edition.decisionsFrom) return new AppError('conflict', { key: 'detail.extensions-ended', params: { since: edition.decisionsFrom } });
  return undefined;
}

export type PutExtensionPorts = { editions: Pick<Editions, 'getEdition' | 'putExtension'> };

export async function putExtension(
  ports: PutExtensionPorts,
  input: { editionId: string; sub: string; deadline: string; reason: string; caller: Caller; now: Date },
): Promise<ExtensionRecord> {
  const refused = refusalOf(await ports.editions.getEdition(input.editionId));
  if (refused) throw refused;
  const extension = { editionId: input.editionId, sub: input.sub, deadline: input.deadline, reason: input.reason, grantedBy: input.caller.sub, grantedAt: input.now.toISOString() };
  if ((await ports.editions.putExtension(extension)) !== 'ok') {
    throw refusalOf(await ports.editions.getEdition(input.editionId)) ?? new AppError('conflict', 'detail.edition-changed');
  }
  return extension;
}
