/** The figures of one scenario, the verdict against issue 7's target and the printed table. */
import type { CpuShares } from './cpu.ts';
import type { LoadResult } from './protocol.ts';
import type { Stalls } from './stalls.ts';

/** The target: p99 at most this many times p50, and no errors. */
export const P99_OVER_P50_LIMIT = 5;

export interface ScenarioFigures {
  name: string;
  route: string;
  connections: number;
  responses: number;
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  ratio: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  exhausted: number;
  statusCounts: Record<string, number>;
  samples: LoadResult['samples'];
  /** Mean cores busy during the measured run: the server, DynamoDB Local, the load driver. */
  cpu?: CpuShares;
  /** GC and event-loop delay in the server's process during the measured run. */
  stalls?: Stalls;
  timeline: Timeline;
  pass: boolean;
  /** Why it failed, in words; empty when it passed. */
  reasons: string[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** How the responses spread over the run, in windows of WINDOW_MS. */
export interface Timeline {
  windows: number;
  /** Windows in which fewer than a quarter of the median window's responses arrived. */
  stalledWindows: number;
  /** Windows in which the slowest 1 % of the responses arrived. */
  slowestWindows: number;
}

export const WINDOW_MS = 250;

export function timelineOf(latenciesMs: number[], receivedAtMs: number[], p99: number): Timeline {
  const counts = new Map<number, number>();
  const slow = new Set<number>();
  receivedAtMs.forEach((t, i) => {
    const w = Math.floor(t / WINDOW_MS);
    counts.set(w, (counts.get(w) ?? 0) + 1);
    if (latenciesMs[i]! >= p99) slow.add(w);
  });
  const last = Math.max(0, ...counts.keys());
  // Whole windows only: the last one is cut short by the end of the run.
  const all = Array.from({ length: last }, (_, w) => counts.get(w) ?? 0);
  const median = [...all].sort((a, b) => a - b)[all.length >> 1] ?? 0;
  return { windows: all.length, stalledWindows: all.filter((c) => c < median / 4).length, slowestWindows: slow.size };
}

export function figuresOf(name: string, route: string, connections: number, r: LoadResult): ScenarioFigures {
  const sorted = Float64Array.from(r.latenciesMs).sort();
  const values = Array.from(sorted);
  const p50 = percentile(values, 50);
  const p99 = percentile(values, 99);
  const ratio = p99 / p50;
  const reasons: string[] = [];
  if (r.responses === 0) reasons.push('no responses');
  if (r.non2xx > 0) reasons.push(`${r.non2xx} non-2xx (${Object.entries(r.statusCounts).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${c}×${n}`).join(', ')})`);
  if (r.errors > 0) reasons.push(`${r.errors} connection errors (${r.timeouts} of them timeouts)`);
  if (r.exhausted > 0) reasons.push(`${r.exhausted} requests found their connection's templates used up (an applicant's cases, a case's files): the run outran its seeding`);
  if (!(ratio <= P99_OVER_P50_LIMIT)) reasons.push(`p99 ${ratio.toFixed(1)}× p50 (limit ${P99_OVER_P50_LIMIT}×)`);
  return {
    name,
    route,
    connections,
    responses: r.responses,
    requestsPerSecond: r.durationSeconds > 0 ? r.responses / r.durationSeconds : 0,
    p50,
    p90: percentile(values, 90),
    p99,
    max: values.at(-1) ?? Number.NaN,
    ratio,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    exhausted: r.exhausted,
    statusCounts: r.statusCounts,
    samples: r.samples,
    timeline: timelineOf(r.latenciesMs, r.receivedAtMs, p99),
    pass: reasons.length === 0,
    reasons,
  };
}

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(1)) : '-');

/** A plain-text table: the first `left` columns left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][], left = 2): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < left ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function report(all: ScenarioFigures[]): string {
  const rows = all.map((f) => [
    f.name,
    f.route,
    String(f.connections),
    String(f.responses),
    f.requestsPerSecond.toFixed(0),
    ms(f.p50),
    ms(f.p90),
    ms(f.p99),
    ms(f.max),
    Number.isFinite(f.ratio) ? `${f.ratio.toFixed(2)}` : '-',
    String(f.non2xx),
    `${f.errors}/${f.timeouts}`,
    f.pass ? 'PASS' : 'FAIL',
  ]);
  const lines = [
    table(['scenario', 'route', 'conn', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p99/p50', 'non-2xx', 'err/timeout', 'verdict'], rows),
  ];
  const cores = (c: CpuShares | undefined) => (c ? [c.server, c.dynamo, c.driver, c.others].map((v) => (v === undefined ? '-' : v.toFixed(2))).join(' / ') : '-');
  lines.push(
    '',
    'Where the time went (measured runs): cores busy on average in the server (Node: every handler), DynamoDB Local (Java), the load',
    "driver and every other process on the machine; the server's GC pauses and event-loop delay; 250 ms windows in which fewer than a",
    'quarter of the usual responses arrived (stalls), and how many windows the slowest 1 % of responses fell in (few: they came together).',
    '',
    table(
      ['scenario', 'cores node / java / load / others', 'GCs / full', 'GC total ms', 'GC max ms', 'loop delay p99 ms', 'loop delay max ms', 'stalled windows', 'slowest 1% in windows'],
      all.map((f) => [
        f.name,
        cores(f.cpu),
        f.stalls ? `${f.stalls.gcCount} / ${f.stalls.gcMajorCount}` : '-',
        f.stalls ? f.stalls.gcTotalMs.toFixed(0) : '-',
        f.stalls ? ms(f.stalls.gcMaxMs) : '-',
        f.stalls ? ms(f.stalls.loopDelayP99Ms) : '-',
        f.stalls ? ms(f.stalls.loopDelayMaxMs) : '-',
        `${f.timeline.stalledWindows} of ${f.timeline.windows}`,
        String(f.timeline.slowestWindows),
      ]),
      1,
    ),
  );
  const failed = all.filter((f) => !f.pass);
  for (const f of failed) {
    lines.push('', `${f.name} FAILED: ${f.reasons.join('; ')}`);
    for (const s of f.samples) lines.push(`  ${s.status === 0 ? 'error' : s.status}: ${s.body}`);
  }
  lines.push(
    '',
    failed.length === 0
      ? `All ${all.length} scenarios met the target: no errors and p99 ≤ ${P99_OVER_P50_LIMIT} × p50.`
      : `${failed.length} of ${all.length} scenarios missed the target (no errors and p99 ≤ ${P99_OVER_P50_LIMIT} × p50): ${failed.map((f) => f.name).join(', ')}.`,
  );
  return lines.join('\n');
}
