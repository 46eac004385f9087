/**
 * Starting a recorded run's execution: the start's outbox. POST .../notifications records the run (and takes the
 * edition's lock) and calls nothing else; this starts the execution, for the run item the table's stream brings
 * (the startNotificationRun worker) or for a run the stream left unstarted (start-stalled-runs.ts). A crash anywhere between
 * the two leaves a run that is started later, never a lock held with no execution.
 * Primary course:
 * 1. The run is still running (a record delivered again after the run ended changes nothing).
 * 2. Start the execution named with the run id, with the same input every time: Step Functions answers a repeat
 *    with the running execution or ExecutionAlreadyExists, so the run is started once however often this runs.
 * 3. A start refused for good (no such state machine, an invalid request) records the run failed and frees the
 *    lock, so the organiser can try again. Any other failure is thrown, for the caller to try again later.
 */
import type { Notifications, Workflows } from '../ports.ts';
import type { TaskLog } from './telemetry.ts';

export type StartRunWorkflowPorts = {
  notifications: Pick<Notifications, 'getRun' | 'finishRun'>;
  workflow: Pick<Workflows, 'startNotifyExecution' | 'startRefused'>;
  clock: () => Date;
  log: TaskLog;
};

export type RunStart = 'started' | 'already-started' | 'not-running' | 'refused';

export async function startRunWorkflow(ports: StartRunWorkflowPorts, input: { editionId: string; runId: string }): Promise<RunStart> {
  const { editionId, runId } = input;
  const run = await ports.notifications.getRun(editionId, runId);
  if (run?.status !== 'running') return 'not-running';
  try {
    // A run recorded before its correlation id was kept goes by its own id.
    return await ports.workflow.startNotifyExecution({ editionId, runId, cursor: null, correlationId: run.correlationId ?? runId });
  } catch (err) {
    if (!ports.workflow.startRefused(err)) throw err;
    ports.log.error('the notification workflow refused to start the run; recorded failed', { runId, error: err as Error });
    await ports.notifications.finishRun(editionId, runId, 'failed', ports.clock().toISOString(), `The workflow did not start: ${(err as Error).name}`);
    return 'refused';
  }
}
