import { uploadCountsOf } from '#adapters/attachments-repo';
import { allEditionCases } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/selection';
import { exportEditionCases } from '#use-cases/selection/export-edition-cases';

const ports = { editions: { getEdition }, listing: { allEditionCases }, attachments: { uploadCountsOf } };

export const handler = httpHandler(routes.exportEditionCases, async ({ params, query, caller }) => {
  const text = await exportEditionCases(ports, { editionId: params.editionId, filters: query, caller });
  return {
    status: 200,
    raw: { contentType: 'text/csv; charset=utf-8', text },
    headers: { 'content-disposition': `attachment; filename="cases-${params.editionId}.csv"`, 'cache-control': 'no-store' },
  };
});
