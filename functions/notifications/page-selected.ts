/** Workflow task: the next page of selected cases for a notification run (use-cases/notifications/page-selected.ts). */
import * as listing from '#adapters/case-listing';
import * as notifications from '#adapters/notifications-repo';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { pageSelected, type PageInput } from '#use-cases/notifications/page-selected';
import { telemetry, withRunContext } from './task-context.ts';

const ports = { listing, notifications, ...telemetry };

export const handler = workerHandler(workers.pageSelected, withRunContext((input: PageInput) => pageSelected(ports, input)));
