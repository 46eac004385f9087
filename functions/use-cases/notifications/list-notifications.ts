/**
 * Primary course:
 * 1. The edition (404 when there is none), its latest runs (newest first) and a page of its recipients, read together.
 */
import { notFound } from '#domain/errors';
import type { RecipientRecord, RunRecord } from '#domain/notification';
import type { Editions, Notifications } from '../ports.ts';

/** How many of the latest runs are shown. */
export const RUNS_SHOWN = 20;

export type ListNotificationsPorts = { editions: Pick<Editions, 'getEdition'>; notifications: Pick<Notifications, 'listRuns' | 'listRecipients'> };

export async function listNotifications(
  ports: ListNotificationsPorts,
  input: { editionId: string; limit: number; cursor?: string | undefined },
): Promise<{ runs: RunRecord[]; recipients: RecipientRecord[]; nextCursor: string | null }> {
  const [edition, runs, recipients] = await Promise.all([
    ports.editions.getEdition(input.editionId),
    ports.notifications.listRuns(input.editionId, RUNS_SHOWN),
    ports.notifications.listRecipients(input.editionId, input.limit, input.cursor),
  ]);
  if (!edition) throw notFound('edition');
  return { runs: runs.items, recipients: recipients.items, nextCursor: recipients.nextCursor };
}
