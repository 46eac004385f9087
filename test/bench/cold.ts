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

/** Fake credentials, as Lambda puts the role's in the environment: presigning needs some, and signs locally. */
const BENCH_CREDENTIALS = {
  AWS_ACCESS_KEY_ID: 'ASIABENCHBENCHBENCH0',
  AWS_SECRET_ACCESS_KEY: 'bench/secret/access/key/not/a/real/one/0000',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEBench//////////wEaCWV1LXdlc3QtMSJHMEUCIQDbenchtokenonly',
};

/** The environment a function starts with on Lambda, as far as module initialisation and presigning read it. */
export function lambdaEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing the parent (tsx, npm) set may change how the child loads code: no loader hooks, no compile cache.
  delete env.NODE_OPTIONS;
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  // Nor where the SDK looks for credentials and endpoints: a profile would make it skip the variables below,
  // a local endpoint would change the presigned URLs.
  for (const k of Object.keys(env)) if (/^AWS_(PROFILE|DEFAULT_PROFILE|ENDPOINT_URL.*|CONFIG_FILE|SHARED_CREDENTIALS_FILE)$/.test(k)) delete env[k];
  return {
    ...env,
    ...BENCH_CREDENTIALS,
    TABLE_NAME: 'bench-table',
    BUCKET_NAME: 'bench-media',
    AWS_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'bench-function',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '1024',
    POWERTOOLS_SERVICE_NAME: 'practice-cases',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    // What the stack sets on a function that sends mail (lib/constructs/function.ts); the others ignore it.
    MAIL_TRANSPORT: 'ses',
    SES_SENDER: 'Practice Cases <no-reply@practice-cases.dev>',
    SES_CONFIGURATION_SET: 'practice-cases-prod',
    // What the stack sets on a function that starts the notification workflow (lib/constructs/function.ts).
    NOTIFY_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:practice-cases-prod-notify',
    // What the stack sets on a function with table access: the key list cursors are signed with.
    CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdef0123456789abcdef',
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

/** An error output without the minified source line Node prints with it (one line of a whole bundle). */
function clip(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((l) => (l.length > 240 ? `${l.slice(0, 240)}…` : l))
    .filter((l) => l.trim() !== '')
    .join('\n');
}

function importOnce(child: string, file: string, nodeFlags: string[], env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, [...nodeFlags, child, file], { env, encoding: 'utf8', timeout: 60_000 });
  const m = /IMPORT_MS ([\d.eE+-]+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) {
    throw new ImportFailed(`importing ${path.basename(file)} failed (exit ${r.status ?? r.signal}):\n${clip(r.stderr || r.stdout || String(r.error ?? ''))}`);
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
