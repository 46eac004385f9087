/**
 * Cold import time: a fresh Node process per sample. The child times only `await import(bundle)` with
 * performance.now(), so Node's own start-up (the same for every bundle) is not in the figure; what is
 * left is reading, compiling and evaluating the bundle, which is what a function adds to a cold start.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_MEMORY_MB } from '../../lib/bundling.ts';
import { functionEnvironment } from '../../lib/function-settings.ts';
import { stageFromCdkJson } from '../../lib/stage-config.ts';

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

/**
 * Where the bench deliberately differs from a deployed function: the handlers' logs would interleave with the
 * measurements (the warm, submit, ranking and notification children write their results to stdout).
 */
export const BENCH_OVERRIDES = { POWERTOOLS_LOG_LEVEL: 'SILENT' } as const;

/** The stage whose settings the bench plays (the variables that differ by stage: STAGE, CORS_ALLOWED_ORIGINS, SES_SENDER). */
const BENCH_STAGE = stageFromCdkJson('prod');

/**
 * The environment a function starts with on Lambda: what every function gets (lib/function-settings.ts, NODE_OPTIONS
 * included, read from where the stack reads it), what the stack adds for a route, a grant or a mailer (stand-ins
 * for the values CloudFormation resolves), and what Lambda itself sets. test/infra/bench-settings.test.ts fails when
 * the stack gives a function a variable this does not.
 */
export function lambdaEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Nothing the parent (tsx, npm) set may change how the child loads code: no loader hooks, no compile cache. The
  // function's own NODE_OPTIONS, if the stack sets any, come back below.
  delete env.NODE_OPTIONS;
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  // Nor where the SDK looks for credentials and endpoints: a profile would make it skip the variables below,
  // a local endpoint would change the presigned URLs.
  for (const k of Object.keys(env)) if (/^AWS_(PROFILE|DEFAULT_PROFILE|ENDPOINT_URL.*|CONFIG_FILE|SHARED_CREDENTIALS_FILE)$/.test(k)) delete env[k];
  const { settings } = BENCH_STAGE;
  return {
    ...env,
    ...BENCH_CREDENTIALS,
    // What Lambda sets.
    AWS_REGION: 'eu-west-1',
    AWS_LAMBDA_FUNCTION_NAME: 'bench-function',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(FUNCTION_MEMORY_MB),
    // What the stack gives every function.
    ...functionEnvironment(BENCH_STAGE.name, settings.logLevel),
    // What the stack gives every route (lib/constructs/api.ts).
    CORS_ALLOWED_ORIGINS: settings.corsOrigins.join(','),
    // What the grants set (lib/constructs/function.ts): stand-ins for the names CloudFormation resolves.
    TABLE_NAME: 'bench-table',
    CURSOR_SECRET: 'bench-cursor-secret-0123456789abcdef0123456789abcdef',
    BUCKET_NAME: 'bench-media',
    MAIL_TRANSPORT: 'ses',
    SES_SENDER: settings.sesSender,
    SES_CONFIGURATION_SET: 'practice-cases-prod',
    NOTIFY_STATE_MACHINE_ARN: 'arn:aws:states:eu-west-1:123456789012:stateMachine:practice-cases-prod-notify',
    DIRECTORY: 'cognito',
    USER_POOL_ID: 'eu-west-1_BenchPool',
    ...BENCH_OVERRIDES,
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

function importOnce(child: string, file: string, env: NodeJS.ProcessEnv): number {
  const r = spawnSync(process.execPath, [child, file], { env, encoding: 'utf8', timeout: 60_000 });
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
  child: string,
  onProgress?: (done: number, total: number) => void,
): { samples: Map<string, number[]>; errors: Map<string, string> } {
  const env = lambdaEnv();
  const samples = new Map<string, number[]>(targets.map((t) => [t.key, []]));
  const errors = new Map<string, string>();
  const sample = (t: ImportTarget): number | undefined => {
    if (errors.has(t.key)) return undefined;
    try {
      return importOnce(child, t.file, env);
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
