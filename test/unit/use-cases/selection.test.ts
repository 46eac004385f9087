/**
 * The selection's use cases with plain fake ports: no AWS client, no mock of one. Each fake is an object with
 * only the functions the use case calls.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '#domain/caller';
import type { CaseRecord } from '#domain/case';
import type { EditionRecord } from '#domain/edition';
import type { Locale } from '#domain/i18n/catalogues';
import { previewNotification } from '#use-cases/selection/preview-notification';
import { putDecision } from '#use-cases/selection/put-decision';
import { CASE_ID, edition, NOW, olga, submitted } from './committee-records.ts';

/** The ports of the decision: the case and its edition as read, and the write's outcome. */
function decisionPorts(c: CaseRecord, e: EditionRecord, outcome: 'ok' | 'case-changed' | 'edition' = 'ok') {
  const recordDecision = vi.fn(async () => outcome);
  return {
    recordDecision,
    ports: {
      cases: { getCase: async () => c, recordDecision },
      editions: { getEditionFor: async () => ({ edition: e }) },
      reviews: { getReviewer: async () => undefined },
    },
  };
}

describe('putDecision', () => {
  it('records the decision with its audit entry and answers the decided case', async () => {
    const { ports, recordDecision } = decisionPorts(submitted(), edition());
    const { decided } = await putDecision(ports, { caseId: CASE_ID, decision: 'outstanding', note: 'Unanimous', caller: olga, now: NOW });
    expect(decided).toMatchObject({ decision: 'outstanding', decisionNote: 'Unanimous', decidedBy: 'olga', decidedAt: NOW.toISOString() });
    expect(recordDecision).toHaveBeenCalledWith(
      expect.objectContaining({ caseId: CASE_ID, decision: 'outstanding', note: 'Unanimous', by: 'olga' }),
      expect.objectContaining({ action: 'decision-recorded', subject: CASE_ID, details: { decision: 'outstanding', note: 'Unanimous' } }),
    );
  });

  it('answers 409 once the results are released, and once the owner was told another decision', async () => {
    const released = decisionPorts(submitted(), edition({ releasedAt: '2024-06-01T00:00:00.000Z' }));
    await expect(putDecision(released.ports, { caseId: CASE_ID, decision: 'outstanding', caller: olga, now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    const told = decisionPorts(submitted({ decision: 'collection', notifiedAt: '2024-06-01T00:00:00.000Z' }), edition());
    await expect(putDecision(told.ports, { caseId: CASE_ID, decision: 'outstanding', caller: olga, now: NOW })).rejects.toMatchObject({ code: 'conflict' });
    expect(released.recordDecision).not.toHaveBeenCalled();
    expect(told.recordDecision).not.toHaveBeenCalled();
  });
});

describe('previewNotification', () => {
  const previewOf = (c: CaseRecord, caller: Caller = olga, prefers?: Locale) =>
    previewNotification(
      {
        cases: { getCase: async () => c },
        editions: { getEdition: async () => edition() },
        preferences: { getPreferences: async () => (prefers ? { locale: prefers, chosen: true, updatedAt: NOW.toISOString() } : undefined) },
      },
      { editionId: '2024', caseId: CASE_ID, caller },
    );

  it("is the notice the owner of a selected case gets, in the owner's language", async () => {
    const { notice, locale } = await previewOf(submitted({ decision: 'collection' }));
    expect({ subject: notice.subject, locale }).toEqual({ subject: `Selected for the case collection: ${CASE_ID}`, locale: 'en' });
    const chosen = await previewOf(submitted({ decision: 'collection' }), olga, 'zh-CN');
    expect({ subject: chosen.notice.subject, locale: chosen.locale }).toEqual({ subject: `入选案例集：${CASE_ID}`, locale: 'zh-CN' });
    // No preference: the case's language.
    expect((await previewOf(submitted({ decision: 'collection', locale: 'zh-CN' }))).notice.subject).toBe(`入选案例集：${CASE_ID}`);
  });

  it('answers 409 for a case not selected, and 403 to its owner', async () => {
    await expect(previewOf(submitted({ decision: 'not-selected' }))).rejects.toMatchObject({ code: 'conflict' });
    await expect(previewOf(submitted({ status: 'withdrawn', decision: 'outstanding' }))).rejects.toMatchObject({ code: 'conflict' });
    await expect(previewOf(submitted({ decision: 'outstanding', ownerId: 'olga' }))).rejects.toMatchObject({ code: 'forbidden' });
  });
});
