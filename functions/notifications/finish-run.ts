/** Workflow task: the run's last state. Records how it ended and frees the edition for the next run. */
import { finishRun, getRun, listRecipients, recordFailed } from '#adapters/notifications-repo';
import { runView } from '#domain/notification';
import { logger } from '#shared/logger';
import { reasonOf } from './mark-failed.ts';
import { withRunContext } from './task-context.ts';

export interface FinishInput {
  editionId: string;
  runId: string;
  status: 'succeeded' | 'failed';
  error?: { Error?: string; Cause?: string };
}

/**
 * A recipient this run left in 'sending' belongs to a send task that died after its claim (a crash, a Lambda
 * timeout): whether SES got the message is unknown, so it is recorded failed and uncertain (never resent
 * automatically; SES's events settle it), not left pending without anyone knowing.
 */
async function settleAbandoned(editionId: string, runId: string, now: string): Promise<number> {
  let settled = 0;
  let cursor: string | undefined;
  do {
    const page = await listRecipients(editionId, 100, cursor);
    for (const r of page.items.filter((x) => x.status === 'sending' && x.runId === runId)) {
      if ((await recordFailed(r, 'The send task stopped before recording its outcome; SES may have sent it', now, true)) === 'ok') settled++;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return settled;
}

export async function finish(input: FinishInput, now: Date = new Date()) {
  const abandoned = await settleAbandoned(input.editionId, input.runId, now.toISOString());
  if (abandoned) logger.warn('recipients left sending by a dead task, recorded uncertain', { runId: input.runId, abandoned });
  await finishRun(input.editionId, input.runId, input.status, now.toISOString(), input.error ? reasonOf(input.error) : undefined);
  const run = await getRun(input.editionId, input.runId);
  logger.info('notification run finished', { runId: input.runId, status: input.status, counts: run?.counts });
  return run ? runView(run) : undefined;
}

export const handler = withRunContext((input: FinishInput) => finish(input));
