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

/** Ann's draft in an open edition, read with its attachments; the write succeeds unless a test says otherwise. */
function submitPorts(outcome: 'ok' | 'version-mismatch' = 'ok', stored: CaseRecord = draft) {
  const queued: MailRecord[] = [];
  const ports = {
    cases: {
      getCase: async () => stored,
      getCaseWithAttachments: async () => ({ record: stored, attachments: [] }),
      replaceCase: vi.fn(async (c: CaseRecord, _read: CaseRecord, _deadline: unknown[], _also?: unknown[]) => {
        if (outcome === 'ok') stored = c;
        return outcome;
      }),
    },
    editions: { getEditionFor: async () => ({ edition }), getEdition: async () => edition },
    reviews: { getReviewer: async () => undefined },
    transactions: { deadlineChecks: () => [] },
    mails: {
      mailPut: (m: MailRecord) => {
        queued.push(m);
        return { Put: { TableName: 't', Item: { mailId: m.mailId } } };
      },
    },
    log: { info: () => undefined, warn: () => undefined },
  } satisfies SubmitCasePorts;
  return { ports, queued };
}

describe('submitCase', () => {
  it('stamps the case with a receipt and writes it, its confirmation slot and the queued mail in one transaction; sends nothing itself', async () => {
    const { ports, queued } = submitPorts();
    const { record } = await submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: 2, now: NOW });
    expect(record).toMatchObject({ status: 'submitted', version: 3, receipt: { submittedAt: NOW.toISOString() } });
    const [written, read, , extra] = ports.cases.replaceCase.mock.calls[0]!;
    expect(written).toEqual(record);
    expect(read).toEqual(draft);
    expect(queued).toHaveLength(1);
    expect(extra).toEqual([{ Put: { TableName: 't', Item: { mailId: queued[0]!.mailId } } }]);
    // Addressed, not rendered: the stream's mail function renders it when it sends it, with the latest receipt.
    expect(queued[0]).toMatchObject({ kind: 'submission-confirmation', status: 'pending', to: ['ann@example.org'], nextAttemptAt: NOW.toISOString() });
    expect(queued[0]!.text).toBeUndefined();
    expect(record.confirmation).toEqual({ mailId: queued[0]!.mailId, dueAt: NOW.toISOString() });
  });

  it('queues a re-submit within the hour for the end of that hour, and nothing while a confirmation waits', async () => {
    const last = new Date(NOW.getTime() - 10 * 60_000).toISOString();
    const { ports, queued } = submitPorts('ok', { ...draft, confirmation: { mailId: 'M0', dueAt: last } });
    const { record } = await submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: undefined, now: NOW });
    const endOfHour = new Date(Date.parse(last) + 3600_000).toISOString();
    expect(queued[0]).toMatchObject({ nextAttemptAt: endOfHour });
    expect(record.confirmation).toEqual({ mailId: queued[0]!.mailId, dueAt: endOfHour });

    const again = submitPorts('ok', record);
    const second = await submitCase(again.ports, { caseId: 'C1', caller: ann, ifMatch: undefined, now: new Date(NOW.getTime() + 60_000) });
    expect(again.queued).toHaveLength(0);
    expect(again.ports.cases.replaceCase.mock.calls[0]![3]).toEqual([]);
    expect(second.record.confirmation).toEqual(record.confirmation);
  });

  it('refuses a stale If-Match with 412 and writes nothing', async () => {
    const { ports } = submitPorts();
    await expect(submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: 1, now: NOW })).rejects.toMatchObject({ code: 'precondition-failed' });
    expect(ports.cases.replaceCase).not.toHaveBeenCalled();
  });

  it('answers a write that lost to a concurrent change with 412', async () => {
    const { ports } = submitPorts('version-mismatch');
    await expect(submitCase(ports, { caseId: 'C1', caller: ann, ifMatch: undefined, now: NOW })).rejects.toMatchObject({ code: 'precondition-failed' });
  });
});

describe('withdrawCase', () => {
  const withdrawPorts = (e: EditionRecord) =>
    ({
      cases: { getCase: async () => draft, replaceCase: vi.fn(async (_c: CaseRecord, _read: CaseRecord, _d: unknown[], _also?: unknown[], _audit?: AuditRecord[]) => 'ok' as const) },
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
