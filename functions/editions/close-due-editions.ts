/**
 * Every minute: closes each edition whose deadline has passed, recording that the schedule closed it. The
 * deadline itself is enforced in every write; this makes the closed state explicit (and audited) for
 * everything that follows. Idempotent: an edition already closed is left alone.
 */
import { SCHEDULE } from '#domain/edition';
import { allEditions, closeEdition } from '#adapters/editions-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

export async function closeDue(now: Date): Promise<string[]> {
  const closed: string[] = [];
  for (const e of await allEditions()) {
    if (e.closedAt || e.releasedAt || e.deadline > now.toISOString()) continue;
    if ((await closeEdition(e.editionId, e.deadline, SCHEDULE, 'the deadline passed')) === 'closed') closed.push(e.editionId);
  }
  return closed;
}

export const handler = workerHandler(workers.closeDueEditions, async (): Promise<{ closed: string[] }> => {
  const closed = await closeDue(new Date());
  if (closed.length) logger.info('editions closed by the schedule', { closed });
  return { closed };
});
