import { editionView } from '#shared/views/edition';
import { listEditions } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.listEditions, async ({ query, now }) => {
  const page = await listEditions(query.limit, query.cursor);
  return { status: 200, body: { items: page.items.map((e) => editionView(e, now)), nextCursor: page.nextCursor } };
});
