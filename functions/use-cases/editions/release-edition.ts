/**
 * Publishes the results: every decision becomes visible to its owner and GET /editions/{id}/results answers.
 * Primary course:
 * 1. Read the edition: 404 when there is none.
 * 2. Not released yet: release it, with its audit entry; refused while it is open (409), unless a concurrent
 *    release got there first. Releasing again changes nothing.
 * 3. Answer it as it now is.
 */
import type { Caller } from '#domain/caller';
import type { EditionRecord } from '#domain/edition';
import { AppError } from '#domain/errors';
import type { Editions } from '../ports.ts';
import { getEdition } from './get-edition.ts';

export type ReleaseEditionPorts = { editions: Pick<Editions, 'getEdition' | 'releaseEdition'> };

export async function releaseEdition(ports: ReleaseEditionPorts, input: { editionId: string; caller: Caller; now: Date }): Promise<EditionRecord> {
  const current = await getEdition(ports, input);
  if (!current.releasedAt) {
    const outcome = await ports.editions.releaseEdition(input.editionId, input.now.toISOString(), input.caller.sub);
    const after = await ports.editions.getEdition(input.editionId);
    if (outcome === 'refused' && !after?.releasedAt) throw new AppError('conflict', 'detail.release-not-closed');
  }
  return (await ports.editions.getEdition(input.editionId))!;
}
