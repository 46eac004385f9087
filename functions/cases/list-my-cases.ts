import { listCasesByOwner } from '#adapters/cases-repo';
import { getEditionsFor } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/cases';
import { caseView } from '#shared/views/case';
import { listMyCases } from '#use-cases/cases/list-my-cases';

const ports = { cases: { listCasesByOwner }, editions: { getEditionsFor } };

export const handler = httpHandler(routes.listMyCases, async ({ query, caller, locale, now }) => {
  const page = await listMyCases(ports, { caller, limit: query.limit, cursor: query.cursor });
  return { status: 200, body: { items: page.items.map(({ record, edition, extension }) => caseView(record, edition, 'owner', now, locale, extension)), nextCursor: page.nextCursor } };
});
