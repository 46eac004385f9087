/**
 * What ranking.ts reports (one JSON line on stdout, after RANKING_RESULT_PREFIX) and how run.ts prints it.
 * No imports of the functions here: run.ts loads this without setting up any environment.
 */
import { fixed, median, table } from './stats.ts';

export const RANKING_RESULT_PREFIX = 'RANKING_RESULT ';

/** What one pass through the list (or through the shards, for the baseline) read and took. */
export interface Pass {
  /** API pages (the handler's invocations); for the baseline, 0. */
  pages: number;
  /** Query requests sent to DynamoDB. */
  queries: number;
  /** ms of the pass, one per measured round. */
  ms: number[];
  /** CapacityUnits of the Queries, summed, as DynamoDB Local reports them (ReturnConsumedCapacity TOTAL). */
  rcu: number;
  /** CapacityUnits of the other reads of the pass: the handler's GetItem of the edition, once a page. */
  otherRcu: number;
  /** Items DynamoDB read (ScannedCount, before the filter), summed over the Queries. */
  scanned: number;
  /** Items the Queries returned (Count, after the filter). */
  fetched: number;
  /** Cases the pass delivered: the items of the API's pages, or of the baseline's Queries. */
  listed: number;
}

export interface RankingResult {
  dynamoLocal: string;
  cases: number;
  limit: number;
  shards: number;
  rounds: number;
  /** Unreported rounds before them. */
  warmRounds: number;
  /** ms to write the cases (BatchWriteItem, 25 a request). */
  seedMs: number;
  /** Cases by review count (0 reviews: not reviewed yet, ranked last). */
  reviewCounts: Record<string, number>;
  /** Item sizes (bytes, DynamoDB's rules): a whole case item, and what the ranking index holds of it. */
  sizes: { item: number; indexed: number };
  filter: { category: string; cases: number };
  merged: Pass;
  filtered: Pass;
  baseline: Pass;
  /** The baseline's Queries that stopped before their Limit of 1000 (at 1 MB): the items each returned. */
  baselineStops: number[];
  /** A pass whose figures (RCU, items read) differed between rounds, which they should not. */
  unsteady: string[];
  verified: string;
}

const int = (v: number) => Math.round(v).toLocaleString('en');

/** The ranking section of the report. */
export function rankingReport(r: RankingResult): string {
  const out: string[] = [];
  const base = r.baseline;
  /** a ÷ baseline within each round (the passes ran back to back), median of the rounds. */
  const msRatio = (p: Pass) => median(p.ms.map((ms, i) => ms / (base.ms[i] ?? Number.NaN)));
  out.push(`\n## Ranking: GET /editions/{editionId}/cases?sort=score&limit=${r.limit} through ${int(r.cases)} submitted cases, against ${r.dynamoLocal}\n`);
  out.push(
    `One closed edition, ${int(r.cases)} submitted cases (items from cases-repo's caseItems, review aggregates from aggregateOf; cases with ` +
      `${Object.entries(r.reviewCounts).map(([n, c]) => `${n} review${n === '1' ? '' : 's'}: ${int(c)}`).join(', ')}),` +
      `\nwritten with BatchWriteItem in ${fixed(r.seedMs / 1000, 1)} s. The real handler (functions/selection/list-edition-cases.ts) is invoked page after page with an` +
      `\norganiser's event, each page with the previous nextCursor, until nextCursor is null. ${r.warmRounds} warm-up rounds, then ${r.rounds} rounds of the three passes,` +
      `\norder rotated; total ms: the handler's invocations summed (the baseline: its Queries), median of the rounds (each round in brackets).` +
      `\nRCU: ConsumedCapacity of the Queries as DynamoDB Local reports it (ReturnConsumedCapacity TOTAL).\n`,
  );
  const row = (label: string, p: Pass, baseline: boolean) => [
    label,
    baseline ? '-' : String(p.pages),
    String(p.queries),
    fixed(median(p.ms), 0),
    `(${p.ms.map((x) => fixed(x, 0)).join(', ')})`,
    baseline ? '-' : fixed(median(p.ms) / p.pages, 1),
    fixed(p.rcu, 1),
    baseline ? '-' : fixed(p.rcu / p.pages, 2),
    int(p.scanned),
    int(p.listed),
    fixed(p.scanned / p.listed, 2),
    baseline ? '' : fixed(msRatio(p), 2),
    baseline ? '' : fixed(p.rcu / base.rcu, 2),
  ];
  out.push(
    table(
      ['pass', 'pages', 'Queries', 'total ms', 'rounds', 'ms/page', 'RCU', 'RCU/page', 'items read', 'listed', 'read ÷ listed', 'ms ÷ baseline', 'RCU ÷ baseline'],
      [
        row(`merged: sort=score, all ${int(r.cases)}`, r.merged, false),
        row(`filtered: sort=score&category=${r.filter.category} (${int(r.filter.cases)})`, r.filtered, false),
        row(`baseline: ${r.shards} shards one after another, Limit 1000, no merge`, base, true),
      ],
    ),
  );
  const itemsPerQuery = (p: Pass) => p.scanned / p.queries;
  out.push(
    `\nitems read: ScannedCount summed over the Queries (what DynamoDB reads and charges for); listed: the cases the pass delivered. Each page` +
      `\nqueries all ${r.shards} shards of the ranking index (gsi3) from the cursor on and merges them (merged-query.ts): about ${fixed(itemsPerQuery(r.merged), 1)} items a Query` +
      ` unfiltered,\n${fixed(itemsPerQuery(r.filtered), 1)} filtered (of which ${int(r.filtered.fetched)} in all passed the filter); what a page reads past what it takes is read again by the next page.` +
      ` The baseline\nreads each shard once, ${fixed(itemsPerQuery(base), 0)} items a Query: the least that reading these ${int(r.cases)} cases from the index costs.` +
      (r.baselineStops.length
        ? ` ${r.baselineStops.length} of its Queries stopped before\nLimit, after ${r.baselineStops.join(', ')} items: DynamoDB Local applies the 1 MB a Query to the whole items` +
          ` (${int(Math.min(...r.baselineStops))} × ${int(r.sizes.item)} B ≈ ${fixed((Math.min(...r.baselineStops) * r.sizes.item) / 2 ** 20, 2)} MB), not to what the index holds.`
        : '') +
      `\nDynamoDB charges a Query 0.5 RCU per started 4 KB of the items it reads (eventually consistent), so many small Queries pay the rounding` +
      `\nmany times. The index holds ${int(r.sizes.indexed)} B of a ${int(r.sizes.item)} B case (CASE_LISTING_ATTRIBUTES, no long texts).` +
      `\nNot in RCU: the handler also reads the edition item on every page (GetItem, ${fixed(r.merged.otherRcu / r.merged.pages, 1)} RCU a page;` +
      ` ${fixed(r.merged.otherRcu, 1)} for the merged pass, ${fixed(r.filtered.otherRcu, 1)} filtered).` +
      `\nms ÷ baseline is taken within each round; DynamoDB Local (Java) and Node share the machine's cores: the absolute ms say little about AWS.`,
  );
  if (r.unsteady.length) out.push(`WARNING: figures that should be the same in every round differed: ${r.unsteady.join('; ')}.`);
  out.push(r.verified);
  return out.join('\n');
}
