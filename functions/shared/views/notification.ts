import { EMPTY_COUNTS, type RecipientRecord, type RunRecord } from '#domain/notification';
import type { ResponseBody } from '../responses.ts';

export function recipientView(r: RecipientRecord): ResponseBody<'Recipient'> {
  return {
    caseId: r.caseId,
    email: r.email,
    decision: r.decision,
    // 'sending' is internal: to organisers it is still pending until it is settled.
    status: r.status === 'sending' ? 'pending' : r.status,
    attempts: r.attempts,
    messageId: r.messageId ?? null,
    lastError: r.lastError ?? null,
    updatedAt: r.updatedAt,
  };
}

export function runView(r: RunRecord): ResponseBody<'NotificationRun'> {
  return {
    runId: r.runId,
    status: r.status,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt ?? null,
    counts: { ...EMPTY_COUNTS, ...r.counts },
  };
}
