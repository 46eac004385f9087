/**
 * Closes the edition now, recording which organiser did. Idempotent: a closed edition is answered as it is.
 * Primary course:
 * 1. Read the edition: 404 when there is none, 409 once its results are released.
 * 2. Close it (a no-op when it is closed already), with its audit entry.
 * 3. Answer it as it now is.
 */
import type { Caller } from '#domain/caller';
import { assertNotReleased, type EditionRecord } from '#domain/edition';
import type { Editions } from '../ports.ts';
import { getEdition } from './get-edition.ts';

export type CloseEditionPorts = { editions: Pick<Editions, 'getEdition' | 'closeEdition'> };

export async function closeEdition(ports: CloseEditionPorts, input: { editionId: string; caller: Caller; now: Date }): Promise<EditionRecord> {
  assertNotReleased(await getEdition(ports, input), 'closed-for-good');
  await ports.editions.closeEdition(input.editionId, input.now.toISOString(), input.caller.sub, 'closed by an organiser');
  return (await ports.editions.getEdition(input.editionId))!;
}
