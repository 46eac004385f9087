/**
 * Cold import time: a fresh Node process per sample. The child times only `await import(bundle)` with
 * performance.now(), so Node's own start-up (the same for every bundle) is not in the figure; what is
 * left is reading, compiling and evaluating the bundle, which is what a function adds to a cold start.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const CHILD = `import { pathToFileURL } from 'node:url';
const url = pathToFileURL(process.argv[process.argv.length - 1]).href;
const t0 = performance.now();
await import(url);
const ms = performance.now() - t0;
process.stdout.write('IMPORT_MS ' + ms + '\\n');
`;

/** The environment a function starts with on Lambda, as far as module initialisation reads it. */
export function lambdaEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing the parent (tsx, npm) set may change how the child loads code: no loader hooks, no compile cache.
  delete env.NODE_OPTIONS;
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return {
    ...env,
    TABLE_NAME: 'bench-table',
    AWS_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'bench-function',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    POWERTOOLS_SERVICE_NAME: 'practice-cases',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  };
}

export interface ImportTarget {
  key: string;
  file: string;
}

export class ImportFailed extends Error {}

/** Writes the child script into `dir` and returns its path. */
export function writeImportChild(dir: string): string {
  const file = path.join(dir, 'import-child.mjs');
  writeFileSync(file, CHILD);
  return file;
}

function importOnce(child: string, file: string, nodeFlags: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, [...nodeFlags, child, file], { env, encoding: 'utf8', timeout: 60_000 });
  const m = /IMPORT_MS ([\d.eE+-]+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) {
    throw new ImportFailed(`importing ${path.basename(file)} failed (exit ${r.status ?? r.signal}):\n${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
  }
  return Number(m[1]);
}

/**
 * `runs` samples per target, interleaved (run 1 of every target, then run 2...) and rotated, so a slow
 * moment of the machine does not land on one target only. One unrecorded pass first warms the page cache.
 * A target whose import fails is reported in `errors` and not sampled again.
 */
export function measureImports(
  targets: ImportTarget[],
  runs: number,
  nodeFlags: string[],
  child: string,
  onProgress?: (done: number, total: number) => void,
): { samples: Map<string, number[]>; errors: Map<string, string> } {
  const env = lambdaEnv();
  const samples = new Map<string, number[]>(targets.map((t) => [t.key, []]));
  const errors = new Map<string, string>();
  const sample = (t: ImportTarget): number | undefined => {
    if (errors.has(t.key)) return undefined;
    try {
      return importOnce(child, t.file, nodeFlags, env);
    } catch (err) {
      if (!(err instanceof ImportFailed)) throw err;
      errors.set(t.key, err.message);
      return undefined;
    }
  };
  for (const t of targets) sample(t);
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[(i + run) % targets.length]!;
      const ms = sample(t);
      if (ms !== undefined) samples.get(t.key)!.push(ms);
    }
    onProgress?.(run + 1, runs);
  }
  return { samples, errors };
}
