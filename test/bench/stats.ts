/** Small statistics and formatting helpers for the benchmark's report. */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation: how far a typical sample lies from the median. */
export function mad(values: number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export const fixed = (v: number | undefined, digits: number): string =>
  v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(digits);

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The calls of one invocation, a run of the same call (or of the same group of calls) written once with its
 * count: Get×3+TransactWrite, Query×8+(Update+SendEmail+Update)×8.
 */
export function summariseCommands(commands: string[]): string {
  if (commands.length === 0) return 'none';
  const parts: string[] = [];
  for (let i = 0; i < commands.length; ) {
    // The block at i that repeats back to back over the most calls (the shortest when tied).
    let best = { size: 1, times: 1 };
    for (let size = 1; i + 2 * size <= commands.length; size++) {
      let times = 1;
      while (commands.slice(i, i + size).every((c, k) => commands[i + times * size + k] === c)) times++;
      if (times > 1 && size * times > best.size * best.times) best = { size, times };
    }
    const block = commands.slice(i, i + best.size).join('+');
    parts.push(best.times === 1 ? block : best.size === 1 ? `${block}×${best.times}` : `(${block})×${best.times}`);
    i += best.size * best.times;
  }
  return parts.join('+');
}
