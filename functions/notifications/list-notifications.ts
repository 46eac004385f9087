import { getEdition } from '#adapters/editions-repo';
import { listRecipients, listRuns } from '#adapters/notifications-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/notifications';
import { recipientView, runView } from '#shared/views/notification';
import { listNotifications } from '#use-cases/notifications/list-notifications';

const ports = { editions: { getEdition }, notifications: { listRecipients, listRuns } };

/** The latest runs (newest first) and a page of recipients with their delivery status. */
export const handler = httpHandler(routes.listNotifications, async ({ params, query }) => {
  const { runs, recipients, nextCursor } = await listNotifications(ports, { editionId: params.editionId, ...query });
  return { status: 200, body: { runs: runs.map(runView), recipients: recipients.map(recipientView), nextCursor } };
});
