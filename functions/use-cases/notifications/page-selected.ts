/**
 * Workflow task: the next page of selected cases for a notification run (the Map state's items).
 * Primary course:
 * 1. One page of the edition's selected cases, of the size asked (bounded).
 * 2. Count them into the run's total; answer their ids and the cursor of the next page.
 */
import type { Listing, Notifications } from '../ports.ts';
import type { Telemetry } from './telemetry.ts';

export interface PageInput {
  editionId: string;
  runId: string;
  cursor: string | null;
  /** Cases per page (the Map's items): a multiple of its MaxConcurrency, see shared/notify-workflow.ts. */
  pageSize: number;
}

/** The largest page a Map gets: its payload (ids only) stays far below Step Functions' 256 KB. */
export const MAX_NOTIFY_PAGE = 1000;

export type PageSelectedPorts = Pick<Telemetry, 'log'> & { listing: Pick<Listing, 'selectedCasesPage'>; notifications: Pick<Notifications, 'countRun'> };

export async function pageSelected(ports: PageSelectedPorts, input: PageInput): Promise<{ caseIds: string[]; nextCursor: string | null }> {
  const size = Math.min(MAX_NOTIFY_PAGE, Math.max(1, Math.floor(input.pageSize || 100)));
  const page = await ports.listing.selectedCasesPage(input.editionId, size, input.cursor ?? undefined);
  if (page.items.length) await ports.notifications.countRun(input.editionId, input.runId, 'total', page.items.length);
  ports.log.info('notification page', { runId: input.runId, cases: page.items.length, more: page.nextCursor !== null });
  return { caseIds: page.items.map((c) => c.caseId), nextCursor: page.nextCursor };
}
