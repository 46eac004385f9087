import { auditChainValid, listAudit as auditListAudit } from '#adapters/audit';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/editions';
import { listAudit } from '#use-cases/editions/list-audit';

const ports = { editions: { getEdition }, audit: { auditChainValid, listAudit: auditListAudit } };

export const handler = httpHandler(routes.listAudit, async ({ params, query }) => {
  const { items, nextCursor, chainValid } = await listAudit(ports, { editionId: params.editionId, ...query });
  return {
    status: 200,
    body: { items: items.map(({ seq, at, action, by, subject, details, prevHash, hash }) => ({ seq, at, action, by, subject, details, prevHash, hash })), nextCursor, chainValid },
  };
});
