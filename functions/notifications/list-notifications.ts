import { notFound } from '#domain/errors';
import { recipientView, runView } from '#shared/views/notification';
import { getEdition } from '#adapters/editions-repo';
import { listRecipients, listRuns } from '#adapters/notifications-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** The latest runs (newest first) and a page of recipients with their delivery status. */
export const RUNS_SHOWN = 20;

export const handler = httpHandler(routes.listNotifications, async ({ params, query }) => {
  const [edition, runs, recipients] = await Promise.all([
    getEdition(params.editionId),
    listRuns(params.editionId, RUNS_SHOWN),
    listRecipients(params.editionId, query.limit, query.cursor),
  ]);
  if (!edition) throw notFound('The edition');
  return { status: 200, body: { runs: runs.items.map(runView), recipients: recipients.items.map(recipientView), nextCursor: recipients.nextCursor } };
});
