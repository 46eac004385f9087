import { caseView } from '#shared/views/case';
import { listCasesByOwner } from '#adapters/cases-repo';
import { getEditions } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.listMyCases, async ({ query, caller, now }) => {
  const page = await listCasesByOwner(caller.sub, query.limit, query.cursor);
  const editions = page.items.length ? await getEditions(page.items.map((c) => c.editionId)) : new Map();
  const items = page.items.flatMap((c) => {
    const edition = editions.get(c.editionId);
    return edition ? [caseView(c, edition, 'owner', now)] : [];
  });
  return { status: 200, body: { items, nextCursor: page.nextCursor } };
});
