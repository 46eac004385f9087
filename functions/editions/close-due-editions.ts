/** Every minute: closes each edition whose deadline has passed (use-cases/editions/close-due-editions.ts). */
import { allEditions, closeEdition } from '#adapters/editions-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { closeDueEditions } from '#use-cases/editions/close-due-editions';

const ports = { editions: { allEditions, closeEdition } };

/** The ids of the editions this run closed. */
export const closeDue = (now: Date): Promise<string[]> => closeDueEditions(ports, { now });

export const handler = workerHandler(workers.closeDueEditions, async (): Promise<{ closed: string[] }> => {
  const closed = await closeDue(new Date());
  if (closed.length) logger.info('editions closed by the schedule', { closed });
  return { closed };
});
