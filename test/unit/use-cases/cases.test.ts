/**
 * The case use cases with plain fake ports: objects holding only the functions a use case calls, no AWS client
 * and no mock of one.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import type { AuditRecord, EditionRecord } from '#domain/edition';
import type { MailRecord } from '#domain/mail';
import { submitCase, type SubmitCasePorts } from '#use-cases/cases/submit-case';
import { withdrawCase, type WithdrawCasePorts } from '#use-cases/cases/withdraw-case';
import { annsCase } from '../../support/cases.ts';
import { edition2024 } from '../../support/editions.ts';

const NOW = new Date('2024-06-01T08:00:00.000Z');
const ann: Caller = { sub: 'ann', email: 'ann@example.org', groups: [] };

const edition: EditionRecord = edition2024;

const draft: CaseRecord = annsCase();

/** Ann's draft in an open edition; the write succeeds and the mail goes out, unless a test says otherwise. */
function submitPorts(outcome: 'ok' | 'version-mismatch' = 'ok') {
  let stored = draft;
  let queued: MailRecord | undefined;
  const ports = {
    cases: {
      getCase: async () => stored,
      replaceCase: vi.fn(async (c: CaseRecord, _expectedVersion: number, _deadline: unknown[], _also?: unknown[]) => {
        if (outcome === 'ok') stored = c;
        return outcome;
      }),
    },
    editions: { getEditionFor: async () => ({ edition }), getEdition: async () => edition },
    reviews: { getReviewer: async () => undefined },
    transactions: { deadlineChecks: () => [] },
    attachments: { listAttachments: async () => ({ items: [], nextCursor: null }) },
    mails: {
      getConfirmationSlot: async () => undefined,
      mailPut: (m: MailRecord) => {
        queued = m;
        return {};
      },
      confirmationSlotPut: () => ({}),
      applicantMailCount: () => ({}),
      claimMail: async () => queued,
      recordSent: vi.fn(async () => undefined),
      recordCancelled: async () => undefined,
      recordFailure: async () => 'retry' as const,
    },
    mailer: { mailer: { send: vi.fn(async () => ({ messageId: 'ses-1' })) }, mailFailure: () => 'transient' as const },
    clock: () => NOW,
    log: { info: () => undefined, warn: () => undefined },
  } satisfies SubmitCasePorts;
  return ports;
}

describe('submitCase', () => {
  it('stamps the case with a receipt, writes it with its confirmation in one transaction and sends the confirmation', async () => {
    const ports = submitPorts();
    const { record } = await submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: 2, now: NOW });
    expect(record).toMatchObject({ status: 'submitted', version: 3, receipt: { submittedAt: NOW.toISOString() } });
    const [written, expectedVersion, , extra] = ports.cases.replaceCase.mock.calls[0]!;
    expect(written).toEqual(record);
    expect(expectedVersion).toBe(2);
    expect(extra).toHaveLength(3);
    expect(ports.mailer.mailer.send).toHaveBeenCalledWith(expect.objectContaining({ to: ['ann@example.org'] }));
    expect(ports.mails.recordSent).toHaveBeenCalledOnce();
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    const ports = submitPorts();
    await expect(submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: 1, now: NOW })).rejects.toMatchObject({ code: 'precondition-failed' });
    expect(ports.cases.replaceCase).not.toHaveBeenCalled();
  });

  it('answers a write that lost to a concurrent change with 412', async () => {
    const ports = submitPorts('version-mismatch');
    await expect(submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: undefined, now: NOW })).rejects.toMatchObject({ code: 'precondition-failed' });
    expect(ports.mailer.mailer.send).not.toHaveBeenCalled();
  });
});

describe('withdrawCase', () => {
  const withdrawPorts = (e: EditionRecord) =>
    ({
      cases: { getCase: async () => draft, replaceCase: vi.fn(async (_c: CaseRecord, _v: number, _d: unknown[], _also?: unknown[], _audit?: AuditRecord[]) => 'ok' as const) },
      editions: { getEditionFor: async () => ({ edition: e }) },
      reviews: { getReviewer: async () => undefined },
      transactions: { notReleasedCheck: () => ({}) },
    }) satisfies WithdrawCasePorts;

  it('withdraws the case with its audit entry', async () => {
    const ports = withdrawPorts(edition);
    const { record } = await withdrawCase(ports, { caseId: 'C1', caller: ann, ifMatch: '*', now: NOW });
    expect(record).toMatchObject({ status: 'withdrawn', version: 3, updatedAt: NOW.toISOString() });
    expect(ports.cases.replaceCase.mock.calls[0]![4]).toEqual([expect.objectContaining({ action: 'case-withdrawn', by: 'ann', subject: 'C1', details: { previousStatus: 'draft' } })]);
  });

  it('refuses once the results are released (409)', async () => {
    const ports = withdrawPorts({ ...edition, releasedAt: '2024-07-01T00:00:00.000Z' });
    await expect(withdrawCase(ports, { caseId: 'C1', caller: ann, ifMatch: undefined, now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    expect(ports.cases.replaceCase).not.toHaveBeenCalled();
  });
});
