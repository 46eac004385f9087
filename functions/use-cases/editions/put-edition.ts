/**
 * Primary course:
 * 1. Read the edition.
 * 2. Absent: create it (created). Present: refuse if released (409) or if If-Match names another version (412),
 *    else replace it conditioned on the version read. Either write carries its audit entry.
 * 3. A concurrent writer between read and write: with If-Match that is a 412; without, read again and retry.
 */
import type { Caller } from '#domain/caller';
import { assertVersion, changedMeanwhile, type IfMatch } from '#domain/concurrency';
import { assertNotReleased, newEdition, updatedEdition, type EditionRecord } from '#domain/edition';
import type { EditionInput } from '#domain/edition-input';
import { AppError } from '#domain/errors';
import type { Editions } from '../ports.ts';

const ATTEMPTS = 3;

export type PutEditionPorts = { editions: Pick<Editions, 'getEdition' | 'createEdition' | 'replaceEdition'> };

export async function putEdition(
  ports: PutEditionPorts,
  input: { editionId: string; settings: EditionInput; caller: Caller; ifMatch: IfMatch; now: Date },
): Promise<{ edition: EditionRecord; created: boolean }> {
  const { editionId, settings, caller, ifMatch, now } = input;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await ports.editions.getEdition(editionId);
    if (!current) {
      assertVersion(ifMatch, undefined, 'edition');
      const created = newEdition(editionId, settings, now);
      if (await ports.editions.createEdition(created, caller.sub)) return { edition: created, created: true };
      continue;
    }
    assertNotReleased(current, 'no-change');
    assertVersion(ifMatch, current.version, 'edition');
    const next = updatedEdition(current, settings, now);
    if (await ports.editions.replaceEdition(next, current.version, caller.sub)) return { edition: next, created: false };
    if (typeof ifMatch === 'number') throw changedMeanwhile('edition');
  }
  throw new AppError('conflict', 'detail.edition-being-changed');
}
