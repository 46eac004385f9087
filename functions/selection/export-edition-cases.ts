import { reviewsFor } from '#domain/case';
import { EXPORT_COLUMNS } from '#domain/case-export';
import { BOM, csvRow } from '#domain/csv';
import { AppError, notFound } from '#domain/errors';
import { uploadCountsOf } from '#adapters/attachments-repo';
import { allEditionCases } from '#adapters/case-listing';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * A synchronous Lambda answer is at most 6 MB; the CSV stops short of it with a 413 that says how to split
 * the export. A row is about 400 bytes, so some 12,000 cases fit in one file.
 */
export const MAX_CSV_BYTES = 5_500_000;

export const handler = httpHandler(routes.exportEditionCases, async ({ params, query, caller }) => {
  const edition = await getEdition(params.editionId);
  if (!edition) throw notFound('The edition');
  let csv = BOM + csvRow(EXPORT_COLUMNS.map((c) => c.header));
  let rows = 0;
  for await (const page of allEditionCases(params.editionId, query)) {
    const counts = await uploadCountsOf(page.map((c) => c.caseId));
    for (const c of page) {
      const n = counts.get(c.caseId);
      // The caller's own cases go without their review columns (a conflict of interest).
      const row = { c, attachments: (n?.supporting ?? 0) + (n?.presentation ?? 0), reviews: reviewsFor(c, caller.sub) };
      csv += csvRow(EXPORT_COLUMNS.map((col) => col.value(row)));
    }
    rows += page.length;
    if (Buffer.byteLength(csv) > MAX_CSV_BYTES) {
      throw new AppError('payload-too-large', `The export passed ${MAX_CSV_BYTES} bytes after ${rows} cases; export one category (or status) at a time.`);
    }
  }
  return {
    status: 200,
    raw: { contentType: 'text/csv; charset=utf-8', text: csv },
    headers: { 'content-disposition': `attachment; filename="cases-${params.editionId}.csv"`, 'cache-control': 'no-store' },
  };
});
