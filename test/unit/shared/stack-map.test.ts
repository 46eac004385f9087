/**
 * Readable stacks without --enable-source-maps: a module that logs an error is bundled as the stack bundles a function
 * (lib/bundling.ts: minified, external map next to the bundle) and run in a fresh Node process, where the logger maps
 * the bundle's frames through the map when the error is logged, and only then reads it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESBUILD_SETTINGS } from '../../../lib/bundling.ts';
import { withMappedStack } from '../../../functions/shared/stack-map.ts';
import { ROOT, stackSettings } from '../../bench/build.ts';

const LOGGER = path.join(ROOT, 'functions/shared/logger.ts');

/** Each throw sits on a line of its own, so that its expected position can be found in the text. */
const FIXTURE = `import { logger } from ${JSON.stringify(LOGGER)};

function readRecord(): never {
  throw new Error('record unreadable');
}

function loadCase(): never {
  try {
    readRecord();
  } catch (cause) {
    throw new Error('case not loaded', { cause });
  }
}

export function handle(): void {
  try {
    loadCase();
  } catch (error) {
    logger.error('unhandled error', { error: error as Error });
  }
}
`;

/** 1-based line and column of `needle` in the fixture, as a stack trace prints a position. */
function positionOf(needle: string): string {
  const at = FIXTURE.indexOf(needle);
  const before = FIXTURE.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

let dir: string;
let bundle: string;
let savedMap: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'stack-map-'));
  const source = path.join(dir, 'case-fixture.ts');
  writeFileSync(source, FIXTURE);
  bundle = path.join(dir, 'out', 'index.mjs');
  await build({ ...stackSettings(), absWorkingDir: ROOT, entryPoints: [source], bundle: true, outfile: bundle, logLevel: 'silent' });
  // Kept aside: each run decides whether the map is next to the bundle, and when it appears there.
  savedMap = path.join(dir, 'saved.map');
  renameSync(`${bundle}.map`, savedMap);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LoggedError {
  message: string;
  location: string;
  stack: string;
  cause: { message: string; location: string; stack: string };
}

/**
 * Imports the bundle in a fresh Node process (no --enable-source-maps), then, if `map`, puts the map next to it (so
 * it cannot have been read at import), then logs the error; returns the logged error.
 */
function runBundle(map: boolean): LoggedError {
  const child = path.join(dir, `child-${map}.mjs`);
  writeFileSync(
    child,
    `import { copyFileSync } from 'node:fs';
const mod = await import(${JSON.stringify(pathToFileURL(bundle).href)});
${map ? `copyFileSync(${JSON.stringify(savedMap)}, ${JSON.stringify(`${bundle}.map`)});` : ''}
mod.handle();
`,
  );
  const env: NodeJS.ProcessEnv = { ...process.env, POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_DEV: 'false' };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, [child], { env, encoding: 'utf8', timeout: 30_000 });
  rmSync(`${bundle}.map`, { force: true });
  expect(r.status, r.stderr).toBe(0);
  const line = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.includes('"unhandled error"'));
  expect(line, r.stdout + r.stderr).toBeDefined();
  return (JSON.parse(line!) as { error: LoggedError }).error;
}

const framesOf = (stack: string) => stack.split('\n').filter((l) => /^\s+at /.test(l));

describe('stacks of a bundled function', () => {
  it('bundles with an external map without the sources, as the stack does', () => {
    expect(ESBUILD_SETTINGS.sourcemap).toBe(true);
    const map = JSON.parse(readFileSync(savedMap, 'utf8')) as { sources: string[]; sourcesContent?: unknown };
    expect(map.sources.some((s) => s.endsWith('case-fixture.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
    expect(readFileSync(bundle, 'utf8')).toContain('//# sourceMappingURL=index.mjs.map');
  });

  it('name the source file, line and column of each frame once the error is logged, the map read only then', () => {
    const error = runBundle(true);
    const bundleUrl = pathToFileURL(bundle).href;
    // The innermost frames: where each error was made, and the calls that led there.
    expect(framesOf(error.cause.stack)[0]).toMatch(new RegExp(`case-fixture\\.ts:${positionOf("new Error('record unreadable')")}\\)?$`));
    expect(framesOf(error.cause.stack)[1]).toMatch(new RegExp(`case-fixture\\.ts:${positionOf('readRecord();')}\\)?$`));
    expect(framesOf(error.stack)[0]).toMatch(new RegExp(`case-fixture\\.ts:${positionOf("new Error('case not loaded'")}\\)?$`));
    expect(framesOf(error.stack)[1]).toMatch(new RegExp(`case-fixture\\.ts:${positionOf('loadCase();')}\\)?$`));
    expect(error.location).toMatch(new RegExp(`case-fixture\\.ts:${positionOf("new Error('case not loaded'").split(':')[0]}$`));
    // No frame is left pointing into the bundle; the message is untouched.
    expect(error.stack).not.toContain(bundleUrl);
    expect(error.cause.stack).not.toContain(bundleUrl);
    expect(error.stack.split('\n')[0]).toBe('Error: case not loaded');
  });

  it('are logged as they are when there is no map, without failing', () => {
    expect(existsSync(`${bundle}.map`)).toBe(false);
    const error = runBundle(false);
    expect(framesOf(error.stack)[0]).toContain(pathToFileURL(bundle).href);
    expect(error.stack).not.toContain('case-fixture.ts');
  });
});

describe('an error run from source (no bundle)', () => {
  it('is given to the logger as it is, and never changed', () => {
    const cause = new Error('inner');
    const error = new Error('outer', { cause });
    const stack = error.stack;
    expect(withMappedStack(error)).toBe(error);
    expect(error.stack).toBe(stack);
  });
});
