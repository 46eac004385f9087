import { attachmentView } from '#shared/views/attachment';
import { listAttachments } from '#adapters/attachments-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.listAttachments, async ({ params, query, caller }) => {
  await caseFor(params.caseId, caller, 'view');
  const page = await listAttachments(params.caseId, query.limit, query.cursor);
  return { status: 200, body: { items: page.items.map((a) => attachmentView(a)), nextCursor: page.nextCursor } };
});
