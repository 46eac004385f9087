/**
 * Workflow task, once per selected case: claim the recipient (skip if already sent), render the notice for
 * the case's decision, send it through SES with the case in its tags, record the outcome.
 *
 * Errors the state machine acts on (their names are its Retry/Catch rules):
 *   MailThrottled, MailTransient  retried with backoff and jitter; the claim is released first
 *   MailPermanent                 caught: recorded as failed with the reason (mark-failed.ts)
 * A send whose outcome is unknown (a timeout after the request left) is recorded as failed and uncertain,
 * never retried: sending again could deliver it twice. SES's own send event settles it later.
 */
import { isSelected, selectionNotice } from '#domain/notification';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { mailer, mailFailure } from '#adapters/mailer';
import { claimRecipient, countRun, recordFailed, recordSent, releaseClaim } from '#adapters/notifications-repo';
import { loadEnv } from '#config/env';
import { logger } from '#shared/logger';
import * as z from 'zod/mini';
import { withRunContext } from './task-context.ts';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

/**
 * Each send holds its slot of the Map for at least this long. With the Map's MaxConcurrency equal to the
 * stage's SES send rate (per second), that keeps the workflow at or just under the rate, rather than bursting
 * into throttles and backing off. Sends that are skipped do not wait.
 */
const { NOTIFY_PACE_MS } = loadEnv({ NOTIFY_PACE_MS: z._default(z.coerce.number().check(z.int(), z.gte(0)), 1000) });

export interface SendInput {
  editionId: string;
  runId: string;
  caseId: string;
}

export type SendResult = { outcome: 'sent'; messageId: string } | { outcome: 'skipped'; reason: string } | { outcome: 'failed'; reason: string };

export class MailThrottled extends Error {
  override readonly name = 'MailThrottled';
}
export class MailTransient extends Error {
  override readonly name = 'MailTransient';
}
export class MailPermanent extends Error {
  override readonly name = 'MailPermanent';
}

export async function sendNotification(input: SendInput, now: () => Date = () => new Date()): Promise<SendResult> {
  // The pace counts from the start: the reads and the claim are part of the second a send holds its slot.
  const started = Date.now();
  const pace = async () => {
    const rest = NOTIFY_PACE_MS - (Date.now() - started);
    if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  };
  const [c, edition] = await Promise.all([getCase(input.caseId, true), getEdition(input.editionId)]);
  if (!c || !edition || c.editionId !== input.editionId || c.status !== 'submitted' || !isSelected(c.decision)) {
    await countRun(input.editionId, input.runId, 'skipped');
    return { outcome: 'skipped', reason: 'no longer selected' };
  }
  const claim = await claimRecipient({ ...input, email: c.ownerEmail, decision: c.decision }, now());
  if ('existing' in claim) {
    // A retry of this very task after it recorded its outcome must not count the recipient twice.
    const mine = claim.existing?.runId === input.runId && claim.existing.status !== 'sending' && claim.existing.status !== 'pending';
    if (!mine) await countRun(input.editionId, input.runId, 'skipped');
    return { outcome: 'skipped', reason: `already ${claim.existing?.status ?? 'claimed'}` };
  }
  const recipient = claim.claimed;
  const message = selectionNotice(c, edition);
  let messageId: string;
  try {
    ({ messageId } = await mailer.send(message, { editionId: input.editionId, caseId: input.caseId, runId: input.runId }));
  } catch (err) {
    const why = `${(err as Error).name}: ${(err as Error).message}`;
    const kind = mailFailure(err);
    logger.warn('selection notice not sent', { caseId: input.caseId, runId: input.runId, attempt: recipient.attempts, kind, error: why });
    if (kind === 'throttled' || kind === 'transient') {
      await releaseClaim(recipient, why, now().toISOString());
      throw kind === 'throttled' ? new MailThrottled(why) : new MailTransient(why);
    }
    if (kind === 'uncertain') {
      count(BUSINESS_METRICS.notificationsFailed);
      await recordFailed(recipient, `Outcome unknown (${why}); not resent automatically, SES's events will settle it`, now().toISOString(), true);
      return { outcome: 'failed', reason: why };
    }
    throw new MailPermanent(why);
  }
  // SES has the message: from here on, no error may lead to sending it again.
  count(BUSINESS_METRICS.notificationsSent);
  try {
    await recordSent(recipient, messageId, now().toISOString());
  } catch (err) {
    const why = `${(err as Error).name}: ${(err as Error).message}`;
    logger.error('notice sent but not recorded', { caseId: input.caseId, runId: input.runId, messageId, error: why });
    // Recorded uncertain with nothing resent; SES's send and delivery events (tagged with the case) settle it as sent.
    await recordFailed(recipient, `SES accepted message ${messageId} but recording it failed (${why})`, now().toISOString(), true).catch(() => undefined);
    return { outcome: 'failed', reason: why };
  }
  await pace();
  return { outcome: 'sent', messageId };
}

export const handler = workerHandler(workers.sendNotification, withRunContext((input: SendInput) => sendNotification(input)));
