/**
 * Workflow task, once per selected case.
 * Primary course:
 * 1. Read the case and the edition; a case no longer selected is skipped (and counted). Then its owner's language.
 * 2. Claim the recipient; one already claimed or settled (by this run or an earlier one) is skipped.
 * 3. Render the notice for the case's decision in that language, and send it through SES with the case in its tags.
 * 4. Record it sent, and hold the Map's slot for the rest of the pace.
 *
 * Errors the state machine acts on (their names are its Retry/Catch rules):
 *   MailThrottled, MailTransient  retried with backoff and jitter; the claim is released first
 *   MailPermanent                 caught: recorded as failed with the reason (mark-failed.ts)
 * A send whose outcome is unknown (a timeout after the request left) is recorded as failed and uncertain,
 * never retried: sending again could deliver it twice. SES's own send event settles it later.
 */
import { isSelectedCase } from '#domain/case';
import { selectionNotice } from '#domain/notification';
import type { SelectedDecision } from '#domain/vocabulary';
import type { Cases, Editions, Mailer, Notifications } from '../ports.ts';
import { ownerLocale, type RecipientLocalePorts } from '../recipient-locale.ts';
import type { Telemetry } from './telemetry.ts';

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

export type SendNotificationPorts = Telemetry & RecipientLocalePorts & {
  cases: Pick<Cases, 'getCase'>;
  editions: Pick<Editions, 'getEdition'>;
  notifications: Pick<Notifications, 'claimRecipient' | 'countRun' | 'recordFailed' | 'recordSent' | 'releaseClaim'>;
  mailer: Pick<Mailer, 'mailer' | 'mailFailure'>;
  /** Read at the claim and at each record: a send may take seconds. */
  clock: () => Date;
};

/**
 * `paceMs`: each send holds its slot of the Map for at least this long. With the Map's MaxConcurrency equal to
 * the stage's SES send rate (per second), that keeps the workflow at or just under the rate, rather than
 * bursting into throttles and backing off. Sends that are skipped do not wait.
 */
export async function sendNotification(ports: SendNotificationPorts, input: SendInput & { paceMs: number }): Promise<SendResult> {
  const { editionId, runId, caseId } = input;
  const now = ports.clock;
  // The pace counts from the start: the reads and the claim are part of the time a send holds its slot.
  const started = now().getTime();
  const [c, edition] = await Promise.all([ports.cases.getCase(caseId, true), ports.editions.getEdition(editionId)]);
  if (!c || !edition || c.editionId !== editionId || !isSelectedCase(c)) {
    await ports.notifications.countRun(editionId, runId, 'skipped');
    return { outcome: 'skipped', reason: 'no longer selected' };
  }
  // Read before the claim: a failed read leaves nothing claimed, and the error is not taken for a send's.
  const locale = await ownerLocale(ports, c);
  // isSelectedCase has checked the decision (it is no type guard).
  const claim = await ports.notifications.claimRecipient({ editionId, runId, caseId, email: c.ownerEmail, decision: c.decision as SelectedDecision }, now());
  if ('existing' in claim) {
    // A retry of this very task after it recorded its outcome must not count the recipient twice.
    const mine = claim.existing?.runId === runId && claim.existing.status !== 'sending' && claim.existing.status !== 'pending';
    if (!mine) await ports.notifications.countRun(editionId, runId, 'skipped');
    return { outcome: 'skipped', reason: `already ${claim.existing?.status ?? 'claimed'}` };
  }
  const recipient = claim.claimed;
  let messageId: string;
  try {
    ({ messageId } = await ports.mailer.mailer.send(selectionNotice(locale, c, edition), { editionId, caseId, runId }));
  } catch (err) {
    const why = `${(err as Error).name}: ${(err as Error).message}`;
    const kind = ports.mailer.mailFailure(err);
    ports.log.warn('selection notice not sent', { caseId, runId, attempt: recipient.attempts, kind, error: why });
    if (kind === 'throttled' || kind === 'transient') {
      await ports.notifications.releaseClaim(recipient, why, now().toISOString());
      throw kind === 'throttled' ? new MailThrottled(why) : new MailTransient(why);
    }
    if (kind === 'uncertain') {
      ports.count('notificationsFailed');
      await ports.notifications.recordFailed(recipient, `Outcome unknown (${why}); not resent automatically, SES's events will settle it`, now().toISOString(), true);
      return { outcome: 'failed', reason: why };
    }
    throw new MailPermanent(why);
  }
  // SES has the message: from here on, no error may lead to sending it again.
  ports.count('notificationsSent');
  try {
    await ports.notifications.recordSent(recipient, messageId, now().toISOString());
  } catch (err) {
    const why = `${(err as Error).name}: ${(err as Error).message}`;
    ports.log.error('notice sent but not recorded', { caseId, runId, messageId, error: why });
    // Recorded uncertain with nothing resent; SES's send and delivery events (tagged with the case) settle it as sent.
    await ports.notifications.recordFailed(recipient, `SES accepted message ${messageId} but recording it failed (${why})`, now().toISOString(), true).catch(() => undefined);
    return { outcome: 'failed', reason: why };
  }
  const rest = input.paceMs - (now().getTime() - started);
  if (rest > 0) await new Promise((r) => setTimeout(r, rest));
  return { outcome: 'sent', messageId };
}
