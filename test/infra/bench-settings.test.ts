/**
 * The benchmark measures what the stack deploys: every function's NODE_OPTIONS and environment as the bench gives them
 * to the bundles it imports (test/bench/cold.ts), and the bundle itself, byte for byte, as the stack's bundling makes it
 * (a real bundling run of one function). And no function parses its source map at start-up.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/shared/routes.ts';
import { DOCS_ASSETS_DIR_VARIABLE } from '../../functions/docs/assets.ts';
import { FUNCTION_MEMORY_MB } from '../../lib/bundling.ts';
import { BackendFunction } from '../../lib/constructs/function.ts';
import { bundleFunction } from '../bench/build.ts';
import { BENCH_OVERRIDES, lambdaEnv } from '../bench/cold.ts';
import { backendFunctions, STAGES, type Synth, useStages } from './synth.ts';

const synths = useStages();

type Variables = Record<string, unknown>;
const propertiesOf = (s: Synth, id: string) => (s.resources[id]?.Properties ?? {}) as { Environment?: { Variables?: Variables }; MemorySize?: number };
const allFunctions = (s: Synth) => {
  const { routes, workers } = backendFunctions(s);
  return [...routes, ...workers];
};

/**
 * Variables the bench leaves unset on purpose: the folder of the files the docs route's package carries (the bench's
 * bundle carries none, and the handler then reads them from the project).
 */
const NOT_IN_BENCH = new Set([DOCS_ASSETS_DIR_VARIABLE]);

describe.each(STAGES)('%s: start-up settings', (stage) => {
  it('no function enables source maps at start-up (a cold start would parse the map)', () => {
    for (const [name, id] of allFunctions(synths[stage])) {
      const nodeOptions = propertiesOf(synths[stage], id).Environment?.Variables?.NODE_OPTIONS;
      expect(String(nodeOptions ?? ''), name).not.toMatch(/--enable-source-maps/);
    }
  });
});

describe('the bench, next to the prod stack', () => {
  const bench = lambdaEnv();

  it('runs every function with the NODE_OPTIONS the stack gives it', () => {
    for (const [name, id] of allFunctions(synths.prod)) {
      expect(bench.NODE_OPTIONS, name).toBe(propertiesOf(synths.prod, id).Environment?.Variables?.NODE_OPTIONS);
    }
  });

  it('sets every variable the stack sets, with the same value where the stack names one', () => {
    for (const [name, id] of allFunctions(synths.prod)) {
      for (const [key, value] of Object.entries(propertiesOf(synths.prod, id).Environment?.Variables ?? {})) {
        if (NOT_IN_BENCH.has(key)) continue;
        expect(bench, `${name}: ${key}`).toHaveProperty(key);
        // A token (a table's name, a state machine's ARN) is resolved by CloudFormation: the bench has a stand-in.
        if (typeof value !== 'string') continue;
        expect(bench[key], `${name}: ${key}`).toBe(key in BENCH_OVERRIDES ? BENCH_OVERRIDES[key as keyof typeof BENCH_OVERRIDES] : value);
      }
    }
  });

  it('tells the functions the memory the routes get', () => {
    const { routes } = backendFunctions(synths.prod);
    for (const route of ROUTES) expect(propertiesOf(synths.prod, routes.get(route.operationId)!).MemorySize, route.operationId).toBe(FUNCTION_MEMORY_MB);
    expect(bench.AWS_LAMBDA_FUNCTION_MEMORY_SIZE).toBe(String(FUNCTION_MEMORY_MB));
  });
});

describe('the bench bundle', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("is the stack's package, byte for byte, with its source map beside it and no sources in the map", async () => {
    const route = ROUTES.find((r) => r.operationId === 'getCase')!;
    const outdir = mkdtempSync(join(tmpdir(), 'cdk-bench-bundle-'));
    const benchDir = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
    dirs.push(outdir, benchDir);
    const app = new App({ outdir });
    new BackendFunction(new Stack(app, 'BenchBundle'), 'Fn', { entry: route.entry, stage: 'prod', logRetentionDays: 1, removal: 'destroy', logLevel: 'INFO' });
    const assembly = app.synth();
    const packages = readdirSync(assembly.directory).filter((d) => d.startsWith('asset.'));
    expect(packages).toHaveLength(1);
    const packageDir = join(assembly.directory, packages[0]!);
    expect(readdirSync(packageDir).sort()).toEqual(['index.mjs', 'index.mjs.map']);

    const bench = await bundleFunction(route.entry, benchDir, 'index');
    const deployed = readFileSync(join(packageDir, 'index.mjs'), 'utf8');
    expect(readFileSync(bench.file, 'utf8')).toBe(deployed);
    expect(deployed).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    const map = JSON.parse(readFileSync(join(packageDir, 'index.mjs.map'), 'utf8')) as { sources: string[]; sourcesContent?: unknown };
    expect(map.sources.some((s) => s.endsWith('functions/cases/get-case.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  });
});
