/** Workflow task, once per selected case (use-cases/notifications/send-notification.ts). */
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { mailFailure, mailer } from '#adapters/mailer';
import { claimRecipient, countRun, recordFailed, recordSent, releaseClaim } from '#adapters/notifications-repo';
import { getPreferences } from '#adapters/preferences-repo';
import { integer, loadEnv } from '#config/env';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { sendNotification as send, type SendInput } from '#use-cases/notifications/send-notification';
import { withRunContext } from './task-context.ts';
import { telemetry } from './task-telemetry.ts';

/** How long each send holds its slot of the Map (the use case says why); the stage sets it to its SES rate. */
const { NOTIFY_PACE_MS } = loadEnv({ NOTIFY_PACE_MS: integer(0, 1000) });

const ports = {
  cases: { getCase },
  editions: { getEdition },
  notifications: { claimRecipient, countRun, recordFailed, recordSent, releaseClaim },
  mailer: { mailFailure, mailer },
  preferences: { getPreferences },
  clock: () => new Date(),
  ...telemetry,
};

export const sendNotification = (input: SendInput) => send(ports, { ...input, paceMs: NOTIFY_PACE_MS });

export const handler = workerHandler(workers.sendNotification, withRunContext(sendNotification));
