/**
 * The organisers' lists of an edition's cases: newest first over gsi2, or ranked by score over gsi3 (only
 * submitted cases), both sharded EDITION_SHARDS ways and merged (merged-query.ts). Filters are DynamoDB filter
 * expressions on the listing attributes the indexes carry (CASE_LISTING_ATTRIBUTES).
 */
import type { CaseRecord } from '#domain/case';
import { ULID_PATTERN } from '#domain/ids';
import { caseIdOfScoreKey } from '#domain/review';
import type { CaseListFilters } from '#domain/selection-input';
import { mergedPage, type Filter, type MergedQuery } from './merged-query.ts';
import { CASE_TEXT_FIELDS, EDITION_SHARDS, INDEXES, keys, recordOf } from './table-design.ts';

/** A case as the listing indexes carry it: no long texts. */
export type ListedCase = Omit<CaseRecord, (typeof CASE_TEXT_FIELDS)[number] | 'version'>;

function filterOf(f: CaseListFilters): Filter | undefined {
  const terms: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (f.status && f.sort !== 'score') {
    terms.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = f.status;
  }
  if (f.category) {
    terms.push('#category = :category');
    names['#category'] = 'category';
    values[':category'] = f.category;
  }
  if (f.country) {
    terms.push('contains(#countries, :country)');
    names['#countries'] = 'countries';
    values[':country'] = f.country;
  }
  if (f.decision) {
    names['#decision'] = 'decision';
    if (f.decision === 'none') terms.push('attribute_not_exists(#decision)');
    else {
      terms.push('#decision = :decision');
      values[':decision'] = f.decision;
    }
  }
  return terms.length ? { expression: terms.join(' AND '), names, values } : undefined;
}

const shards = (partition: (shard: number) => string) => Array.from({ length: EDITION_SHARDS }, (_, i) => partition(i));

function queryOf(editionId: string, f: CaseListFilters): MergedQuery {
  const filter = filterOf(f);
  const fingerprint = [f.sort, f.status, f.category, f.country, f.decision].map((v) => v ?? '').join('|');
  if (f.sort === 'score') {
    return {
      index: INDEXES.gsi3,
      partitions: shards((i) => keys.rankShardPartition(editionId, i)),
      descending: true,
      ...(filter ? { filter } : {}),
      fingerprint,
      startKey: (partition, sortKey) => {
        const caseId = caseIdOfScoreKey(sortKey);
        return caseId ? { ...keys.case(caseId), gsi3pk: partition, gsi3sk: sortKey } : undefined;
      },
    };
  }
  return {
    index: INDEXES.gsi2,
    partitions: shards((i) => keys.editionShardPartition(editionId, i)),
    descending: true,
    ...(filter ? { filter } : {}),
    fingerprint,
    startKey: (partition, sortKey) => {
      const caseId = keys.caseIdOfEditionSortKey(sortKey);
      return caseId !== undefined && ULID_PATTERN.test(caseId) ? { ...keys.case(caseId), gsi2pk: partition, gsi2sk: sortKey } : undefined;
    },
  };
}

export async function listEditionCases(editionId: string, filters: CaseListFilters, limit: number, cursor?: string) {
  const page = await mergedPage(queryOf(editionId, filters), limit, cursor);
  return { items: page.items.map((i) => recordOf<ListedCase>(i)), nextCursor: page.nextCursor };
}

/** Every case of the list, page after page (the CSV export). */
export async function* allEditionCases(editionId: string, filters: CaseListFilters): AsyncGenerator<ListedCase[]> {
  let cursor: string | undefined;
  do {
    const page = await listEditionCases(editionId, filters, 500, cursor);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The selected (outstanding or collection) submitted cases of an edition, a page at a time: the notification workflow's input. */
export async function selectedCasesPage(editionId: string, limit: number, cursor?: string) {
  const q: MergedQuery = {
    ...queryOf(editionId, { sort: 'newest' }),
    filter: {
      expression: '#status = :submitted AND #decision IN (:outstanding, :collection)',
      names: { '#status': 'status', '#decision': 'decision' },
      values: { ':submitted': 'submitted', ':outstanding': 'outstanding', ':collection': 'collection' },
    },
    fingerprint: 'selected',
  };
  const page = await mergedPage(q, limit, cursor);
  return { items: page.items.map((i) => recordOf<ListedCase>(i)), nextCursor: page.nextCursor };
}
