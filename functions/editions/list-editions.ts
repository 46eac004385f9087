import { listEditions as editionsListEditions } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { editionView } from '#shared/views/edition';
import { listEditions } from '#use-cases/editions/list-editions';

const ports = { editions: { listEditions: editionsListEditions } };

export const handler = httpHandler(routes.listEditions, async ({ query, now }) => {
  const page = await listEditions(ports, query);
  return { status: 200, body: { items: page.items.map((e) => editionView(e, now)), nextCursor: page.nextCursor } };
});
