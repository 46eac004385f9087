import { listAttachments as attachmentsListAttachments } from '#adapters/attachments-repo';
import { getCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { getReviewer } from '#adapters/reviews-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/attachments';
import { attachmentView } from '#shared/views/attachment';
import { listAttachments } from '#use-cases/attachments/list-attachments';

const ports = {
  attachments: { listAttachments: attachmentsListAttachments },
  cases: { getCase },
  editions: { getEditionFor },
  reviews: { getReviewer },
};

export const handler = httpHandler(routes.listAttachments, async ({ params, query, caller, locale }) => {
  const page = await listAttachments(ports, { caseId: params.caseId, caller, limit: query.limit, cursor: query.cursor });
  return { status: 200, body: { items: page.items.map((a) => attachmentView(a, locale)), nextCursor: page.nextCursor } };
});
