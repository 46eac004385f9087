/**
 * The API reference page's scripts and styles travel inside the Lambda package of the route that serves them: the
 * stage gives that one function the files and DOCS_ASSETS_DIR, and a real bundling run (one function, not the whole
 * stack) puts them there, byte for byte.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { DOCS_ASSET_ROUTE, DOCS_ASSETS, DOCS_ASSETS_DIR_VARIABLE, sourcePathOf } from '../../functions/docs/assets.ts';
import { DOCS_ASSET_FILES } from '../../lib/constructs/api.ts';
import { BackendFunction, copyCommands, LAMBDA_TASK_ROOT } from '../../lib/constructs/function.ts';
import { backendFunctions, STAGES, useStages } from './synth.ts';

const synths = useStages();

type Json = Record<string, unknown>;
const environmentOf = (resources: Record<string, { Properties?: Json }>, id: string) =>
  ((resources[id]?.Properties?.Environment as { Variables?: Json } | undefined)?.Variables ?? {}) as Record<string, unknown>;

describe.each(STAGES)('%s: the docs assets', (stage) => {
  it('are bundled with the asset route only, which is told where they are', () => {
    const s = synths[stage];
    const { routes } = backendFunctions(s);
    for (const [operationId, fn] of s.stack.api.functions) {
      const env = environmentOf(s.resources, routes.get(operationId)!);
      if (operationId === DOCS_ASSET_ROUTE) {
        expect(Object.keys(fn.bundledFiles?.files ?? {}).sort()).toEqual(Object.keys(DOCS_ASSETS).sort());
        expect(env[DOCS_ASSETS_DIR_VARIABLE]).toBe(`${LAMBDA_TASK_ROOT}/${fn.bundledFiles?.dir}`);
      } else {
        expect(fn.bundledFiles, operationId).toBeUndefined();
        expect(env, operationId).not.toHaveProperty(DOCS_ASSETS_DIR_VARIABLE);
      }
    }
  });
});

describe('bundling a function with bundled files', () => {
  it('copies every file into the package, as it is in the project', () => {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-docs-assets-')) });
    const stack = new Stack(app, 'DocsAssets');
    new BackendFunction(stack, 'Asset', {
      entry: 'docs/asset.ts', stage: 'dev', logRetentionDays: 1, removal: 'destroy', logLevel: 'WARN', bundledFiles: DOCS_ASSET_FILES,
    });
    const assembly = app.synth();
    // The stack's one asset is the function's package.
    const packages = readdirSync(assembly.directory).filter((d) => d.startsWith('asset.'));
    expect(packages).toHaveLength(1);
    const packageDir = join(assembly.directory, packages[0]!);
    expect(existsSync(join(packageDir, 'index.mjs'))).toBe(true);
    for (const name of Object.keys(DOCS_ASSETS)) {
      const copied = join(packageDir, DOCS_ASSET_FILES.dir, name);
      expect(existsSync(copied), name).toBe(true);
      expect(readFileSync(copied).equals(readFileSync(sourcePathOf(name))), name).toBe(true);
    }
  });

  it('refuses a file outside the project or a name that is not plain', () => {
    expect(() => copyCommands({ dir: 'x', files: { 'passwd': '/etc/passwd' } }, '/in', '/out')).toThrow();
    expect(() => copyCommands({ dir: 'x', files: { '../docs.js': sourcePathOf('docs.js') } }, '/in', '/out')).toThrow();
    expect(() => copyCommands({ dir: '../x', files: {} }, '/in', '/out')).toThrow();
  });
});
