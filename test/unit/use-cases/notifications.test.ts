/**
 * The notification use cases with plain fake ports: objects holding only the functions a use case calls, no AWS
 * client and no mock of one.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import type { EditionRecord } from '#domain/edition';
import type { RecipientRecord, RunRecord } from '#domain/notification';
import { sendNotification } from '#use-cases/notifications/send-notification';
import { startNotifications } from '#use-cases/notifications/start-notifications';
import { annsCase } from '../../support/cases.ts';
import { edition2024 } from '../../support/editions.ts';

const NOW = new Date('2024-06-21T08:00:00.000Z');
const olga: Caller = { sub: 'olga', email: 'olga@example.org', groups: ['organisers'] };
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

const edition: EditionRecord = edition2024;
const selected: CaseRecord = annsCase({ status: 'submitted', decision: 'outstanding' });
const input = { editionId: '2024', runId: 'notify-2024-0001', caseId: 'C1', paceMs: 0 };
const claimed: RecipientRecord = { editionId: '2024', caseId: 'C1', runId: input.runId, email: 'ann@example.org', decision: 'outstanding', status: 'sending', attempts: 1, updatedAt: NOW.toISOString() };

/** One selected case whose recipient is free to claim; SES answers with `send`. */
function sendPorts(send: () => Promise<{ messageId: string }>, failure: 'permanent' | 'throttled' = 'permanent') {
  return {
    cases: { getCase: async () => selected },
    editions: { getEdition: async () => edition },
    notifications: {
      claimRecipient: vi.fn(async () => ({ claimed })),
      countRun: vi.fn(async () => undefined),
      recordFailed: vi.fn(async () => 'ok' as const),
      recordSent: vi.fn(async () => 'ok' as const),
      releaseClaim: vi.fn(async () => undefined),
    },
    mailer: { mailer: { send: vi.fn(send) }, mailFailure: () => failure },
    clock: () => NOW,
    log,
    count: vi.fn(),
  };
}

describe('sending one selection notice', () => {
  it('claims the recipient, sends the notice with the case in its tags, records it sent and counts it', async () => {
    const ports = sendPorts(async () => ({ messageId: 'ses-1' }));
    expect(await sendNotification(ports, input)).toEqual({ outcome: 'sent', messageId: 'ses-1' });
    expect(ports.notifications.claimRecipient).toHaveBeenCalledWith({ editionId: '2024', runId: input.runId, caseId: 'C1', email: 'ann@example.org', decision: 'outstanding' }, NOW);
    expect(ports.mailer.mailer.send).toHaveBeenCalledWith(expect.objectContaining({ to: ['ann@example.org'] }), { editionId: '2024', caseId: 'C1', runId: input.runId });
    expect(ports.notifications.recordSent).toHaveBeenCalledWith(claimed, 'ses-1', NOW.toISOString());
    expect(ports.count).toHaveBeenCalledExactlyOnceWith('notificationsSent');
  });

  it('releases the claim and throws MailThrottled on a throttle, for the workflow to retry', async () => {
    const ports = sendPorts(async () => Promise.reject(new Error('Maximum sending rate exceeded.')), 'throttled');
    await expect(sendNotification(ports, input)).rejects.toMatchObject({ name: 'MailThrottled' });
    expect(ports.notifications.releaseClaim).toHaveBeenCalledOnce();
    expect(ports.notifications.recordSent).not.toHaveBeenCalled();
    expect(ports.count).not.toHaveBeenCalled();
  });
});

describe('starting a run', () => {
  const run: RunRecord = { editionId: '2024', runId: 'notify-2024-0004', status: 'running', startedAt: NOW.toISOString(), startedBy: 'olga', counts: { total: 0, sent: 0, failed: 0, skipped: 0 } };

  it('refuses an edition still open (409) before taking the lock', async () => {
    const startRun = vi.fn();
    const ports = { editions: { getEdition: async () => ({ ...edition, deadline: '2024-06-30T16:00:00.000Z' }) }, notifications: { getActiveRun: async () => ({ seq: 0 }), startRun, finishRun: vi.fn() }, workflow: { startNotifyExecution: vi.fn() }, log };
    await expect(startNotifications(ports, { editionId: '2024', caller: olga, now: NOW, correlationId: 'req-1' })).rejects.toMatchObject({ code: 'conflict' });
    expect(startRun).not.toHaveBeenCalled();
  });

  it('records the run failed and frees the lock when the workflow does not start', async () => {
    const finishRun = vi.fn(async () => 0);
    const ports = {
      editions: { getEdition: async () => edition },
      notifications: { getActiveRun: async () => ({ seq: 3 }), startRun: async () => ({ outcome: 'ok' as const, run }), finishRun },
      workflow: { startNotifyExecution: async () => Promise.reject(new Error('AccessDenied')) },
      log,
    };
    await expect(startNotifications(ports, { editionId: '2024', caller: olga, now: NOW, correlationId: 'req-1' })).rejects.toThrow('AccessDenied');
    expect(finishRun).toHaveBeenCalledWith('2024', run.runId, 'failed', NOW.toISOString(), 'The workflow did not start');
  });
});
