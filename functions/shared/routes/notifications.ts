/** Notifications: the mails to the owners of selected cases. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

/**
 * This area's request schemas (route-spec.ts, schemas): `kit` loads only the building blocks (path parameters, paging),
 * which is all a read route needs; `inputs` also the request bodies.
 */
const kit = schemasFrom(() => import('#domain/schema-kit'));
const inputs = schemasFrom(async () => ({ ...(await import('#domain/selection-input')), ...(await import('#domain/schema-kit')) }));

export const routes = {
  startNotifications: route({
    operationId: 'startNotifications', method: 'POST', path: '/editions/{editionId}/notifications', entry: 'notifications/start-notifications.ts', access: 'organisers',
    tag: 'Selection', summary: 'Notify the owners of every outstanding and collection case',
    description:
      'Starts the notification workflow (a Step Functions execution named with the run id) and answers 202 at once. 409 while a run is going. ' +
      'Each owner is sent the notice at most once, whichever run does it: a new run sends only to those not yet sent (and retries those that failed for sure).',
    schemas: kit((i) => ({ params: i.EditionParams })),
    responses: { 202: { description: 'The run started; the Location is where to follow it', schema: (v) => v.RunStarted, location: true } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  listNotifications: route({
    operationId: 'listNotifications', method: 'GET', path: '/editions/{editionId}/notifications', entry: 'notifications/list-notifications.ts', access: 'organisers',
    tag: 'Selection', summary: 'Notification runs and recipients with their delivery status',
    description: 'Organisers: the latest runs, newest first, and a page of recipients with their status, attempts and last error, to follow a run started with POST. 404 for an unknown edition.',
    schemas: kit((i) => ({ params: i.EditionParams, query: i.PageQuery })),
    responses: { 200: { description: 'Runs and a page of recipients', schema: (v) => v.Notifications } },
    problems: ['not-found'], table: 'read',
  }),
  previewNotification: route({
    operationId: 'previewNotification', method: 'GET', path: '/editions/{editionId}/notifications/preview', entry: 'notifications/preview-notification.ts', access: 'organisers',
    tag: 'Selection', summary: "The exact notice a case's owner would receive",
    description:
      "In the language of the owner's e-mails (their preferred language, else the case's), whatever the caller's Accept-Language, or in `lang` when given: Content-Language says which. Problems follow the caller's. " +
      'Not for the owner of the case, even as an organiser (403: it tells the decision).',
    schemas: inputs((i) => ({ params: i.EditionParams, query: i.PreviewQuery })),
    responses: { 200: { description: 'Recipients, subject, text and HTML', schema: (v) => v.MailPreview } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'read',
  }),
} satisfies Record<string, RouteSpec>;
