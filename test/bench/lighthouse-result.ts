/**
 * What lighthouse.ts reports (one JSON line on stdout, after LIGHTHOUSE_RESULT_PREFIX) and how run.ts prints it.
 * No imports of the app or the functions here: run.ts loads this without setting up any environment.
 */
import { fixed, median, table } from './stats.ts';

export const LIGHTHOUSE_RESULT_PREFIX = 'LIGHTHOUSE_RESULT ';

/** Issue 16, "Weight and speed": Lighthouse's category scores (0–100) on "My cases" and the editor; issue 17: the same for the console's list page. */
export const SCORE_TARGETS = { performance: 90, accessibility: 95 } as const;
export type Category = keyof typeof SCORE_TARGETS;
export const CATEGORIES = Object.keys(SCORE_TARGETS) as Category[];
/** Issue 16: the JavaScript a page loads, gzipped, at most this many kB (1,000 bytes, as Vite's build reports sizes). */
export const JS_BUDGET_KB = 150;

/** An audit that cost its category points in one run. */
export interface LostAudit {
  category: Category;
  id: string;
  title: string;
  /** Its weight in the category (Lighthouse's auditRef weight; not-applicable audits weigh 0). */
  weight: number;
  /** 0–1. */
  score: number;
  /** The category points it cost: weight × (1 − score) ÷ the category's total weight × 100. */
  points: number;
  /** Lighthouse's short figure (a metric's value, the number of failing elements...), when it has one. */
  displayValue?: string;
}

/** One Lighthouse run of one page. */
export interface PageRun {
  scores: Record<Category, number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The app's scripts the load fetched, gzipped as a CDN would send them (the local server sends them uncompressed). */
  /** kB of 1,000 bytes. */
  jsGzipKB: number;
  jsFiles: number;
  lost: LostAudit[];
  /** Performance audits of no weight that failed (long tasks, unused JavaScript...): where the metrics' time goes. */
  diagnostics: { id: string; title: string; displayValue?: string }[];
  warnings: string[];
}

export interface PageResult {
  name: string;
  /** The route audited, e.g. / or /cases/{caseId} or /console/editions/{editionId}/cases. */
  route: string;
  runs: PageRun[];
}

export interface LighthouseResult {
  lighthouse: string;
  chromium: string;
  formFactor: string;
  throttling: string;
  /** Lighthouse's measure of this machine's speed at the first run (a mid-range desktop scores about 1,000 or more). */
  benchmarkIndex: number;
  runs: number;
  pages: PageResult[];
}

const mid = (runs: PageRun[], value: (r: PageRun) => number) => median(runs.map(value));
const met = (ok: boolean) => (ok ? 'yes' : 'NO');

export function lighthouseReport(r: LighthouseResult): string {
  const out: string[] = [];
  out.push(`\n## Web app: Lighthouse ${r.lighthouse} on the built app as \`npm start\` serves it, signed in\n`);
  out.push(
    `${r.chromium}, form factor ${r.formFactor}, ${r.throttling}; median of ${r.runs} runs per page, pages interleaved, HTTP cache cleared before each.` +
      `\nTargets (issues 16 and 17): performance ≥ ${SCORE_TARGETS.performance}, accessibility ≥ ${SCORE_TARGETS.accessibility}, JavaScript ≤ ${JS_BUDGET_KB} kB gzipped.` +
      ` Benchmark index of this machine: ${fixed(r.benchmarkIndex, 0)}.\n`,
  );
  out.push(
    table(
      ['page', 'performance', 'runs', 'met', 'accessibility', 'met', 'FCP s', 'LCP s', 'TBT ms', 'CLS', 'JS kB gz', 'scripts', 'met'],
      r.pages.map((p) => {
        const perf = mid(p.runs, (x) => x.scores.performance);
        const a11y = mid(p.runs, (x) => x.scores.accessibility);
        const js = mid(p.runs, (x) => x.jsGzipKB);
        return [
          `${p.name} (${p.route})`,
          fixed(perf, 0),
          `(${p.runs.map((x) => fixed(x.scores.performance, 0)).join(', ')})`,
          met(perf >= SCORE_TARGETS.performance),
          fixed(a11y, 0),
          met(a11y >= SCORE_TARGETS.accessibility),
          fixed(mid(p.runs, (x) => x.fcpMs) / 1000, 2),
          fixed(mid(p.runs, (x) => x.lcpMs) / 1000, 2),
          fixed(mid(p.runs, (x) => x.tbtMs), 0),
          fixed(mid(p.runs, (x) => x.cls), 3),
          fixed(js, 1),
          fixed(mid(p.runs, (x) => x.jsFiles), 0),
          met(js <= JS_BUDGET_KB),
        ];
      }),
    ),
  );
  out.push(
    `\nFCP, LCP and TBT are Lighthouse's simulated figures (a mid-range phone on a slow 4G link), computed from this machine's trace:` +
      `\na busy machine makes them worse. JS kB gz: the app's scripts the page's load fetched, each gzipped (zlib's default level; kB of 1,000 bytes, as Vite reports).`,
  );

  for (const p of r.pages) {
    for (const category of CATEGORIES) {
      if (mid(p.runs, (x) => x.scores[category]) >= SCORE_TARGETS[category]) continue;
      // An audit's cost as the median over the runs, a run where it passed counting 0: one unlucky run does not list it.
      const byAudit = new Map<string, LostAudit[]>();
      for (const run of p.runs) for (const a of run.lost) if (a.category === category) byAudit.set(a.id, [...(byAudit.get(a.id) ?? []), a]);
      const rows = [...byAudit.values()]
        .map((seen) => ({ audit: seen[0]!, seen, points: median([...seen.map((a) => a.points), ...Array<number>(p.runs.length - seen.length).fill(0)]) }))
        .filter((x) => x.points > 0)
        .sort((a, b) => b.points - a.points);
      out.push(`\n${p.name}: ${category} below ${SCORE_TARGETS[category]}; what cost the points (median over the runs):\n`);
      out.push(
        table(
          ['audit', 'weight', 'score', 'points lost', 'values (the runs where it lost points)'],
          rows.map(({ audit, seen, points }) => [
            `${audit.id}: ${audit.title}`,
            fixed(audit.weight, 0),
            fixed(median(seen.map((a) => a.score)), 2),
            fixed(points, 1),
            seen.map((a) => a.displayValue ?? '-').join(', '),
          ]),
        ),
      );
      if (category !== 'performance') continue;
      const flagged = new Map<string, { title: string; values: string[] }>();
      for (const run of p.runs) {
        for (const d of run.diagnostics) {
          const seen = flagged.get(d.id) ?? { title: d.title, values: [] };
          seen.values.push(d.displayValue ?? '');
          flagged.set(d.id, seen);
        }
      }
      if (flagged.size) {
        out.push(`\nDiagnostics that failed (in how many of the ${p.runs.length} runs; their values):`);
        for (const [id, d] of flagged) out.push(`  ${id}: ${d.title} (${d.values.length}; ${d.values.filter(Boolean).join(', ') || '-'})`);
      }
    }
  }
  const warnings = [...new Set(r.pages.flatMap((p) => p.runs.flatMap((x) => x.warnings)))];
  if (warnings.length) out.push(`\nLighthouse's warnings: ${warnings.join(' · ')}`);
  return out.join('\n');
}
