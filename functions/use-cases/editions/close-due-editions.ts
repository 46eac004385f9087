/**
 * Every minute: closes each edition whose deadline has passed, recording that the schedule closed it. The
 * deadline itself is enforced in every write; this makes the closed state explicit (and audited) for
 * everything that follows. Idempotent: an edition already closed is left alone.
 * Primary course:
 * 1. Read every edition.
 * 2. Close each one the clock has closed (editionStatus) but nobody has yet, as of its deadline.
 * 3. Answer the ids of those this run closed.
 */
import { SCHEDULE } from '#domain/edition';
import { editionStatus } from '#domain/rules';
import type { Editions } from '../ports.ts';

export async function closeDueEditions(ports: { editions: Pick<Editions, 'allEditions' | 'closeEdition'> }, input: { now: Date }): Promise<string[]> {
  const closed: string[] = [];
  for (const e of await ports.editions.allEditions()) {
    if (e.closedAt || editionStatus(e, input.now) !== 'closed') continue;
    if ((await ports.editions.closeEdition(e.editionId, e.deadline, SCHEDULE, 'the deadline passed')) === 'closed') closed.push(e.editionId);
  }
  return closed;
}
