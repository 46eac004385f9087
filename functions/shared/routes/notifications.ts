/** Notifications: the mails to the owners of selected cases. Part of the route table (shared/routes.ts). */
import { EditionParams } from '#domain/edition-input';
import { PageQuery } from '#domain/schema-kit';
import { PreviewQuery } from '#domain/selection-input';
import { route, type RouteSpec } from '../route-spec.ts';

export const routes = {
  startNotifications: route({
    operationId: 'startNotifications', method: 'POST', path: '/editions/{editionId}/notifications', entry: 'notifications/start-notifications.ts', access: 'organisers',
    tag: 'Selection', summary: 'Notify the owners of every outstanding and collection case',
    description:
      'Starts the notification workflow (a Step Functions execution named with the run id) and answers 202 at once. 409 while a run is going. ' +
      'Each owner is sent the notice at most once, whichever run does it: a new run sends only to those not yet sent (and retries those that failed for sure).',
    params: EditionParams,
    responses: { 202: { description: 'The run started; the Location is where to follow it', schema: (v) => v.RunStarted, location: true } },
    problems: ['not-found', 'conflict'], table: 'write', workflow: true,
  }),
  listNotifications: route({
    operationId: 'listNotifications', method: 'GET', path: '/editions/{editionId}/notifications', entry: 'notifications/list-notifications.ts', access: 'organisers',
    tag: 'Selection', summary: 'Notification runs and recipients with their delivery status',
    description: 'Organisers: the latest runs, newest first, and a page of recipients with their status, attempts and last error, to follow a run started with POST. 404 for an unknown edition.',
    params: EditionParams, query: PageQuery,
    responses: { 200: { description: 'Runs and a page of recipients', schema: (v) => v.Notifications } },
    problems: ['not-found'], table: 'read',
  }),
  previewNotification: route({
    operationId: 'previewNotification', method: 'GET', path: '/editions/{editionId}/notifications/preview', entry: 'notifications/preview-notification.ts', access: 'organisers',
    tag: 'Selection', summary: "The exact notice a case's owner would receive",
    description: 'Not for the owner of the case, even as an organiser (403: it tells the decision).', params: EditionParams, query: PreviewQuery,
    responses: { 200: { description: 'Recipients, subject, text and HTML', schema: (v) => v.MailPreview } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'read',
  }),
} satisfies Record<string, RouteSpec>;
