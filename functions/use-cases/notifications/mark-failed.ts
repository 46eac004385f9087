/**
 * Workflow task: the Catch of a recipient whose send failed for good (a permanent error, or retries spent).
 * Primary course:
 * 1. The reason: the message of the Lambda error the state machine carries.
 * 2. Record the recipient failed with it; one already settled is left as it is (never an error).
 */
import type { Notifications } from '../ports.ts';
import type { Telemetry } from './telemetry.ts';

/** The error a Catch carries. */
export interface TaskError {
  Error?: string;
  Cause?: string;
}

export interface MarkFailedInput {
  editionId: string;
  runId: string;
  caseId: string;
  error: TaskError;
}

/** A Lambda error's Cause is its JSON ({ errorType, errorMessage, ... }); the message is what a person can act on. */
export function reasonOf(error: TaskError): string {
  try {
    const cause = JSON.parse(error.Cause ?? '') as { errorMessage?: string };
    if (cause.errorMessage) return cause.errorMessage;
  } catch {
    // not JSON: use it as it is
  }
  return error.Cause || error.Error || 'unknown error';
}

export type MarkFailedPorts = Telemetry & { notifications: Pick<Notifications, 'recordFailed'> };

export async function markFailed(ports: MarkFailedPorts, input: MarkFailedInput & { now: Date }): Promise<{ outcome: 'failed' | 'already-settled' }> {
  const reason = reasonOf(input.error);
  const outcome = await ports.notifications.recordFailed(input, reason, input.now.toISOString());
  if (outcome === 'ok') ports.count('notificationsFailed');
  ports.log.warn('selection notice failed', { caseId: input.caseId, runId: input.runId, reason, outcome });
  return { outcome: outcome === 'ok' ? 'failed' : 'already-settled' };
}
