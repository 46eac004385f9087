/**
 * The notification runs' outbox in the tests and benches: a request records the run and the table's stream starts
 * its execution (functions/notifications/start-run-workflow.ts). Here DynamoDB Local's stream of one table is polled
 * (lib/local/streams.ts) and delivered to that run worker only, as `npm start` delivers it; and a wait for the
 * execution of a run on the local Step Functions.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { workers } from '../../functions/shared/workers.ts';
import { streamBindings } from '../../lib/local/environment.ts';
import type { LocalStepFunctions } from '../../lib/local/stepfunctions.ts';
import { startStreamPoller, type StreamPoller } from '../../lib/local/streams.ts';

/** Start it once the workflow's environment is set (setLocalWorkflowEnv): the worker reads it when first loaded. */
export function startRunStream(endpoint: string, tableName: string, log: (line: string) => void): Promise<StreamPoller> {
  const bindings = streamBindings().filter((b) => b.name === workers.startNotificationRun.name);
  return startStreamPoller({ endpoint, tableName, bindings, log, pollMs: 50, retryBaseMs: 50 });
}

/** Resolves once the stream's worker has started the run's execution; fails after `timeoutMs` (no poller running?). */
export async function executionStarted(flows: LocalStepFunctions, runId: string, timeoutMs = 15_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; !flows.executions.has(runId); await sleep(25)) {
    if (Date.now() > until) throw new Error(`no execution of ${runId} started within ${timeoutMs} ms: is the run's stream polled?`);
  }
}
