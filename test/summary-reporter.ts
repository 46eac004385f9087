/** Prints the plain closing line CI reads ("N passed, N failed, N skipped"), after vitest's own summary. */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0, pending: 0 };
    for (const m of modules) for (const t of m.children.allTests()) counts[t.result().state] += 1;
    const failed = counts.failed + errors.length;
    process.stdout.write(`\nTests: ${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped\n`);
  }
}
