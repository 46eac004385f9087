/**
 * Workflow task: the Catch of a recipient whose send failed for good (a permanent error, or retries spent).
 * Records it as failed with the reason the state machine carries; never throws for an already-settled one.
 */
import { recordFailed } from '#adapters/notifications-repo';
import { logger } from '#shared/logger';
import { withRunContext } from './task-context.ts';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

export interface MarkFailedInput {
  editionId: string;
  runId: string;
  caseId: string;
  error: { Error?: string; Cause?: string };
}

/** A Lambda error's Cause is its JSON ({ errorType, errorMessage, ... }); the message is what a person can act on. */
export function reasonOf(error: MarkFailedInput['error']): string {
  try {
    const cause = JSON.parse(error.Cause ?? '') as { errorMessage?: string };
    if (cause.errorMessage) return cause.errorMessage;
  } catch {
    // not JSON: use it as it is
  }
  return error.Cause || error.Error || 'unknown error';
}

export async function markFailed(input: MarkFailedInput, now: Date = new Date()): Promise<{ outcome: 'failed' | 'already-settled' }> {
  const reason = reasonOf(input.error);
  const outcome = await recordFailed(input, reason, now.toISOString());
  if (outcome === 'ok') count(BUSINESS_METRICS.notificationsFailed);
  logger.warn('selection notice failed', { caseId: input.caseId, runId: input.runId, reason, outcome });
  return { outcome: outcome === 'ok' ? 'failed' : 'already-settled' };
}

export const handler = workerHandler(workers.markNotificationFailed, withRunContext((input: MarkFailedInput) => markFailed(input)));
