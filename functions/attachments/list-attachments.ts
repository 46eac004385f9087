import * as attachments from '#adapters/attachments-repo';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { attachmentView } from '#shared/views/attachment';
import { listAttachments } from '#use-cases/attachments/list-attachments';

const ports = { attachments, cases, editions, reviews };

export const handler = httpHandler(routes.listAttachments, async ({ params, query, caller }) => {
  const page = await listAttachments(ports, { caseId: params.caseId, caller, limit: query.limit, cursor: query.cursor });
  return { status: 200, body: { items: page.items.map((a) => attachmentView(a)), nextCursor: page.nextCursor } };
});
