/**
 * The catch-up of the runs' outbox, as the retry worker is for mail: a run whose stream record was never handled
 * (its deliveries ran out into the dead-letter queue) is started by this scheduled pass instead.
 * Primary course:
 * 1. Every edition's notification lock, and the run that holds it.
 * 2. A run still running STALLED_AFTER_MS after its start with nothing counted has no execution that reported back:
 *    the execution's first task counts the selected cases into the run's total (page-selected.ts), and a run with
 *    none selected finishes within seconds. Start it, the same idempotent way (start-run-workflow.ts).
 * 3. A start that fails is logged and left to the next pass; the other runs go on. Answer the runs started.
 */
import type { Editions, Notifications } from '../ports.ts';
import { startRunWorkflow, type StartRunWorkflowPorts } from './start-run-workflow.ts';

/** How long a run may go without its execution reporting back before this pass starts it (the stream's retries take seconds). */
export const STALLED_AFTER_MS = 5 * 60_000;

export type StartStalledRunsPorts = StartRunWorkflowPorts & {
  editions: Pick<Editions, 'allEditions'>;
  notifications: Pick<Notifications, 'getActiveRun'>;
};

export async function startStalledRuns(ports: StartStalledRunsPorts): Promise<string[]> {
  const started: string[] = [];
  const stalledBefore = new Date(ports.clock().getTime() - STALLED_AFTER_MS).toISOString();
  for (const { editionId } of await ports.editions.allEditions()) {
    const { activeRun } = await ports.notifications.getActiveRun(editionId);
    const run = activeRun ? await ports.notifications.getRun(editionId, activeRun) : undefined;
    if (!run || run.status !== 'running' || run.startedAt > stalledBefore || run.counts.total > 0) continue;
    try {
      if ((await startRunWorkflow(ports, run)) === 'started') started.push(run.runId);
    } catch (err) {
      ports.log.error('a stalled notification run did not start; the next pass tries again', { runId: run.runId, error: err as Error });
    }
  }
  return started;
}
