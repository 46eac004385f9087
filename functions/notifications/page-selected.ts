/** Workflow task: the next page of selected cases for a notification run (the Map state's items). */
import { selectedCasesPage } from '#adapters/case-listing';
import { countRun } from '#adapters/notifications-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { withRunContext } from './task-context.ts';

export interface PageInput {
  editionId: string;
  runId: string;
  cursor: string | null;
  /** Cases per page (the Map's items): a multiple of its MaxConcurrency, see notify-workflow.ts. */
  pageSize: number;
}

/** The largest page a Map gets: its payload (ids only) stays far below Step Functions' 256 KB. */
export const MAX_NOTIFY_PAGE = 1000;

export async function pageSelected(input: PageInput): Promise<{ caseIds: string[]; nextCursor: string | null }> {
  const size = Math.min(MAX_NOTIFY_PAGE, Math.max(1, Math.floor(input.pageSize || 100)));
  const page = await selectedCasesPage(input.editionId, size, input.cursor ?? undefined);
  if (page.items.length) await countRun(input.editionId, input.runId, 'total', page.items.length);
  logger.info('notification page', { runId: input.runId, cases: page.items.length, more: page.nextCursor !== null });
  return { caseIds: page.items.map((c) => c.caseId), nextCursor: page.nextCursor };
}

export const handler = workerHandler(workers.pageSelected, withRunContext(pageSelected));
