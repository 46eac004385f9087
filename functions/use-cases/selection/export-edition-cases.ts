/**
 * Primary course:
 * 1. The edition exists (404 otherwise).
 * 2. Its cases, filtered as asked, page after page, each row with its attachment count and (but for the caller's
 *    own cases: a conflict of interest) its review columns. Titles in both languages; no long texts (the listing
 *    carries none: the summaries are in GET /cases/{caseId} and the published results).
 * 3. A synchronous Lambda answer is at most 6 MB: the CSV stops short of it with a 413 that says how to split
 *    the export. A row is about 400 bytes, so some 12,000 cases fit in one file.
 */
import type { Caller } from '#domain/caller';
import { reviewsFor } from '#domain/case';
import { EXPORT_COLUMNS } from '#domain/case-export';
import { BOM, csvRow } from '#domain/csv';
import { AppError, notFound } from '#domain/errors';
import type { CaseListFilters } from '#domain/selection-input';
import type { Attachments, Editions, Listing } from '../ports.ts';

const MAX_CSV_BYTES = 5_500_000;

export type ExportPorts = {
  editions: Pick<Editions, 'getEdition'>;
  listing: Pick<Listing, 'allEditionCases'>;
  attachments: Pick<Attachments, 'uploadCountsOf'>;
};

/** The CSV text, byte-order mark and header row included. */
export async function exportEditionCases(ports: ExportPorts, input: { editionId: string; filters: CaseListFilters; caller: Caller }): Promise<string> {
  const edition = await ports.editions.getEdition(input.editionId);
  if (!edition) throw notFound('edition');
  let csv = BOM + csvRow(EXPORT_COLUMNS.map((c) => c.header));
  let rows = 0;
  for await (const page of ports.listing.allEditionCases(input.editionId, input.filters)) {
    const counts = await ports.attachments.uploadCountsOf(page.map((c) => c.caseId));
    for (const c of page) {
      const n = counts.get(c.caseId);
      const row = { c, attachments: (n?.supporting ?? 0) + (n?.presentation ?? 0), reviews: reviewsFor(c, input.caller.sub) };
      csv += csvRow(EXPORT_COLUMNS.map((col) => col.value(row)));
    }
    rows += page.length;
    if (Buffer.byteLength(csv) > MAX_CSV_BYTES) {
      throw new AppError('payload-too-large', { key: 'detail.export-too-large', params: { max: MAX_CSV_BYTES, rows } });
    }
  }
  return csv;
}
