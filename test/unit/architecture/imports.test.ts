import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const FUNCTIONS = join(ROOT, 'functions');
/** package.json subpath imports, such as "#domain/*": "./functions/domain/*.ts". */
const ALIASES = Object.entries((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> }).imports);

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourcesUnder(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));

/** The file a specifier names, or undefined for a package. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return resolve(dirname(from), specifier);
  for (const [pattern, target] of ALIASES) {
    const [prefix, suffix] = pattern.split('*') as [string, string | undefined];
    if (suffix === undefined) {
      if (specifier === pattern) return resolve(ROOT, target);
    } else if (specifier.startsWith(prefix) && specifier.endsWith(suffix)) {
      return resolve(ROOT, target.replace('*', specifier.slice(prefix.length, specifier.length - suffix.length)));
    }
  }
  return undefined;
}

/** Every module each file imports, type-only imports, re-exports and import() types included. */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles.map((i) => resolveSpecifier(file, i.fileName)).filter((t): t is string => t !== undefined && known.has(t));
      return [file, [...new Set(targets)]];
    }),
  );
}

/** One cycle through each strongly connected component of more than one module (or a module importing itself). */
function cyclesOf(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('imports under functions/', () => {
  it('form no cycle, type-only imports included', () => {
    const graph = importGraph(sourcesUnder(FUNCTIONS));
    expect(graph.size).toBeGreaterThan(50);
    const cycles = cyclesOf(graph).map((c) => c.map((f) => relative(FUNCTIONS, f)).join(' -> '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('leave the vocabulary a leaf: it imports nothing', () => {
    expect(ts.preProcessFile(readFileSync(join(FUNCTIONS, 'domain/vocabulary.ts'), 'utf8'), true, true).importedFiles).toEqual([]);
  });
});
