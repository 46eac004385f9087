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
import { startRunWorkflow } from '#use-cases/notifications/start-run-workflow';
import { STALLED_AFTER_MS, startStalledRuns } from '#use-cases/notifications/start-stalled-runs';
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
    preferences: { getPreferences: async () => undefined },
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

  it("writes the notice in the owner's preferred language, read before the claim: a failed read claims nothing", async () => {
    const ports = sendPorts(async () => ({ messageId: 'ses-zh' }));
    const getPreferences = vi.fn(async () => ({ locale: 'zh-CN' as const, chosen: true, updatedAt: NOW.toISOString() }));
    expect(await sendNotification({ ...ports, preferences: { getPreferences } }, input)).toEqual({ outcome: 'sent', messageId: 'ses-zh' });
    expect(getPreferences).toHaveBeenCalledWith('ann');
    expect(ports.mailer.mailer.send).toHaveBeenCalledWith(expect.objectContaining({ subject: '优秀案例：C1', text: expect.stringContaining('专家委员会已将您的案例') }), expect.anything());

    const failing = sendPorts(async () => ({ messageId: 'never' }));
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' });
    await expect(sendNotification({ ...failing, preferences: { getPreferences: async () => Promise.reject(throttled) } }, input)).rejects.toBe(throttled);
    expect(failing.notifications.claimRecipient).not.toHaveBeenCalled();
    expect(failing.mailer.mailer.send).not.toHaveBeenCalled();
  });
});

describe('starting a run', () => {
  const run: RunRecord = { editionId: '2024', runId: 'notify-2024-0004', status: 'running', startedAt: NOW.toISOString(), startedBy: 'olga', counts: { total: 0, sent: 0, failed: 0, skipped: 0 } };

  it('refuses an edition still open (409) before taking the lock', async () => {
    const startRun = vi.fn();
    const ports = { editions: { getEdition: async () => ({ ...edition, deadline: '2024-06-30T16:00:00.000Z' }) }, notifications: { getActiveRun: async () => ({ seq: 0 }), startRun }, log };
    await expect(startNotifications(ports, { editionId: '2024', caller: olga, now: NOW, correlationId: 'req-1' })).rejects.toMatchObject({ code: 'conflict' });
    expect(startRun).not.toHaveBeenCalled();
  });

  it("records the run, numbered after the last, with the request's correlation id, and nothing else: the stream starts its workflow", async () => {
    const startRun = vi.fn(async () => ({ outcome: 'ok' as const, run }));
    const ports = { editions: { getEdition: async () => edition }, notifications: { getActiveRun: async () => ({ seq: 3 }), startRun }, log };
    expect(await startNotifications(ports, { editionId: '2024', caller: olga, now: NOW, correlationId: 'req-1' })).toEqual(run);
    expect(startRun).toHaveBeenCalledExactlyOnceWith('2024', 3, 'olga', NOW.toISOString(), 'req-1');
  });
});

/** A run's start: its record as stored, and Step Functions answering with `start`. */
function startPorts(stored: (RunRecord & { correlationId?: string }) | undefined, start: () => Promise<'started' | 'already-started'>, refused = false) {
  return {
    notifications: { getRun: vi.fn(async () => stored), finishRun: vi.fn(async () => 0), getActiveRun: vi.fn(async () => ({ activeRun: stored?.runId, seq: 1 })) },
    workflow: { startNotifyExecution: vi.fn(start), startRefused: () => refused },
    editions: { allEditions: async () => [edition] },
    clock: () => NOW,
    log,
  };
}

describe("starting a recorded run's execution", () => {
  const run: RunRecord & { correlationId?: string } = {
    editionId: '2024', runId: 'notify-2024-0004', status: 'running', startedAt: NOW.toISOString(), startedBy: 'olga', counts: { total: 0, sent: 0, failed: 0, skipped: 0 }, correlationId: 'req-1',
  };
  const ids = { editionId: '2024', runId: run.runId };

  it('starts it with the input its tasks expect, the correlation id of its request among it', async () => {
    const ports = startPorts(run, async () => 'started');
    expect(await startRunWorkflow(ports, ids)).toBe('started');
    expect(ports.workflow.startNotifyExecution).toHaveBeenCalledExactlyOnceWith({ editionId: '2024', runId: run.runId, cursor: null, correlationId: 'req-1' });
  });

  it('starts a run recorded without a correlation id under its own id', async () => {
    const { correlationId: _, ...older } = run;
    const ports = startPorts(older, async () => 'started');
    await startRunWorkflow(ports, ids);
    expect(ports.workflow.startNotifyExecution).toHaveBeenCalledWith(expect.objectContaining({ correlationId: run.runId }));
  });

  it('leaves a run that has ended, or is gone, alone', async () => {
    for (const stored of [{ ...run, status: 'succeeded' as const, finishedAt: NOW.toISOString() }, undefined]) {
      const ports = startPorts(stored, async () => 'started');
      expect(await startRunWorkflow(ports, ids)).toBe('not-running');
      expect(ports.workflow.startNotifyExecution).not.toHaveBeenCalled();
    }
  });

  it('records the run failed and frees the lock when the start is refused for good', async () => {
    const ports = startPorts(run, async () => Promise.reject(Object.assign(new Error('no such machine'), { name: 'StateMachineDoesNotExist' })), true);
    expect(await startRunWorkflow(ports, ids)).toBe('refused');
    expect(ports.notifications.finishRun).toHaveBeenCalledExactlyOnceWith('2024', run.runId, 'failed', NOW.toISOString(), 'The workflow did not start: StateMachineDoesNotExist');
  });

  it('throws a failure that may pass, leaving the run running for another try', async () => {
    const ports = startPorts(run, async () => Promise.reject(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })));
    await expect(startRunWorkflow(ports, ids)).rejects.toThrow('Rate exceeded');
    expect(ports.notifications.finishRun).not.toHaveBeenCalled();
  });
});

describe('the catch-up pass over unstarted runs', () => {
  const startedAt = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
  const run = (over: Partial<RunRecord>): RunRecord => ({
    editionId: '2024', runId: 'notify-2024-0004', status: 'running', startedAt: startedAt(STALLED_AFTER_MS + 1000), startedBy: 'olga', counts: { total: 0, sent: 0, failed: 0, skipped: 0 }, ...over,
  });

  it('starts the run holding the lock when it has gone minutes without its execution reporting back', async () => {
    const ports = startPorts(run({}), async () => 'started');
    expect(await startStalledRuns(ports)).toEqual(['notify-2024-0004']);
    expect(ports.workflow.startNotifyExecution).toHaveBeenCalledOnce();
  });

  it('leaves a run just started (the stream is on it), one whose execution counted its cases, and an edition with no run going', async () => {
    const fresh = startPorts(run({ startedAt: startedAt(STALLED_AFTER_MS - 1000) }), async () => 'started');
    const reported = startPorts(run({ counts: { total: 12, sent: 3, failed: 0, skipped: 0 } }), async () => 'started');
    const idle = startPorts(undefined, async () => 'started');
    for (const ports of [fresh, reported, idle]) {
      expect(await startStalledRuns(ports)).toEqual([]);
      expect(ports.workflow.startNotifyExecution).not.toHaveBeenCalled();
    }
  });

  it('logs a start that failed for now and leaves it to the next pass, without throwing', async () => {
    const ports = startPorts(run({}), async () => Promise.reject(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })));
    expect(await startStalledRuns(ports)).toEqual([]);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('next pass'), expect.objectContaining({ runId: 'notify-2024-0004' }));
  });
});
