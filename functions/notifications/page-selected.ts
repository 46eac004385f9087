/** Workflow task: the next page of selected cases for a notification run (use-cases/notifications/page-selected.ts). */
import { selectedCasesPage } from '#adapters/case-listing';
import { countRun } from '#adapters/notifications-repo';
import { logger } from '#shared/logger';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { pageSelected, type PageInput } from '#use-cases/notifications/page-selected';
import { withRunContext } from './task-context.ts';

const ports = { listing: { selectedCasesPage }, notifications: { countRun }, log: logger };

export const handler = workerHandler(workers.pageSelected, withRunContext((input: PageInput) => pageSelected(ports, input)));
