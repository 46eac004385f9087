/**
 * Where a latency tail can come from inside the server's process: garbage collection pauses and event-loop
 * delay (any synchronous work, or the process not being scheduled), measured during a run.
 */
import { constants, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export interface Stalls {
  gcCount: number;
  gcTotalMs: number;
  gcMaxMs: number;
  /** Full (mark-compact) collections among them, and their longest pause. */
  gcMajorCount: number;
  gcMajorMaxMs: number;
  /** The server process's heap in use at the end, MB. */
  heapUsedMb: number;
  /** How late the event loop ran a timer due every 10 ms: p99 and max, in ms. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

/** The histogram records the whole interval between the timer's runs: what is past this is delay. */
const RESOLUTION_MS = 10;

export function stallMeter(): () => Stalls {
  let gcCount = 0;
  let gcTotalMs = 0;
  let gcMaxMs = 0;
  let gcMajorCount = 0;
  let gcMajorMaxMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcCount++;
      gcTotalMs += e.duration;
      gcMaxMs = Math.max(gcMaxMs, e.duration);
      if ((e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        gcMajorCount++;
        gcMajorMaxMs = Math.max(gcMajorMaxMs, e.duration);
      }
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const loop = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  loop.enable();
  return () => {
    loop.disable();
    gc.disconnect();
    const heapUsedMb = process.memoryUsage().heapUsed / 1024 / 1024;
    return { gcCount, gcTotalMs, gcMaxMs, gcMajorCount, gcMajorMaxMs, heapUsedMb, loopDelayP99Ms: Math.max(0, loop.percentile(99) / 1e6 - RESOLUTION_MS), loopDelayMaxMs: Math.max(0, loop.max / 1e6 - RESOLUTION_MS) };
  };
}
