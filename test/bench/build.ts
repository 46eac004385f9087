/**
 * Bundling for the benchmark: each function with the exact settings the stack uses (lib/bundling.ts), the
 * "floor" bundles (only the SDK clients a function uses), and a per-package breakdown of a bundle.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { statSync } from 'node:fs';
import path from 'node:path';
import { ESBUILD_SETTINGS } from '../../lib/bundling.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FUNCTIONS_DIR = path.join(ROOT, 'functions');

/**
 * ESBUILD_SETTINGS as esbuild's API takes them. The settings are written for the CDK's NodejsFunction,
 * where the banner is a string; esbuild wants it per output type.
 */
export function stackSettings(): BuildOptions {
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ESBUILD_SETTINGS)) settings[k] = Array.isArray(v) ? [...(v as unknown[])] : v;
  if (typeof settings.banner === 'string') settings.banner = { js: settings.banner };
  return settings as BuildOptions;
}

export interface Bundle {
  file: string;
  bytes: number;
  metafile: Metafile;
}

/** Bundles one handler entry (relative to functions/) to `outDir/<name>.mjs` with the stack's settings. */
export async function bundleFunction(entry: string, outDir: string, name: string): Promise<Bundle> {
  const file = path.join(outDir, `${name}.mjs`);
  const result = await build({
    ...stackSettings(),
    absWorkingDir: ROOT,
    entryPoints: [path.join(FUNCTIONS_DIR, entry)],
    bundle: true,
    outfile: file,
    metafile: true,
    logLevel: 'silent',
  });
  return { file, bytes: statSync(file).size, metafile: result.metafile };
}

/** Bundles a JavaScript source text (a floor, or one library alone) with the same settings. */
export async function bundleSource(contents: string, outDir: string, name: string): Promise<Bundle> {
  const file = path.join(outDir, `${name}.mjs`);
  const result = await build({
    ...stackSettings(),
    absWorkingDir: ROOT,
    stdin: { contents, resolveDir: ROOT, sourcefile: `${name}.mjs`, loader: 'js' },
    bundle: true,
    outfile: file,
    metafile: true,
    logLevel: 'silent',
  });
  return { file, bytes: statSync(file).size, metafile: result.metafile };
}

// ---------- floors ----------

/**
 * The SDK client packages a bundle contains (`@aws-sdk/client-*`, and `@aws-sdk/lib-dynamodb` for the
 * document client), read from its metafile. A route with a table always counts DynamoDB.
 */
export function sdkClientsOf(metafile: Metafile, table: boolean): string[] {
  const found = new Set<string>(table ? ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'] : []);
  for (const input of Object.keys(metafile.inputs)) {
    const pkg = packageOf(input);
    if (/^@aws-sdk\/client-[a-z0-9-]+$/.test(pkg) || pkg === '@aws-sdk/lib-dynamodb') found.add(pkg);
  }
  // The document client needs the DynamoDB client to exist.
  if (found.has('@aws-sdk/lib-dynamodb')) found.add('@aws-sdk/client-dynamodb');
  return [...found].sort();
}

/** The name of the service client class a `@aws-sdk/client-*` package exports (DynamoDBClient, S3Client...). */
async function clientClassOf(pkg: string): Promise<string> {
  const mod = (await import(pkg)) as Record<string, unknown>;
  const name = Object.keys(mod).find((k) => {
    const v = mod[k];
    return k.endsWith('Client') && !k.startsWith('_') && typeof v === 'function' && typeof (v.prototype as { send?: unknown } | undefined)?.send === 'function';
  });
  if (!name) throw new Error(`No service client class found in ${pkg}`);
  return name;
}

/**
 * The floor's source: import and instantiate each client the function uses, nothing else. For DynamoDB
 * that is DynamoDBClient wrapped by DynamoDBDocumentClient, as functions/adapters/clients.ts does. No
 * clients at all gives an empty module.
 */
export async function floorSource(clients: string[]): Promise<string> {
  const lines: string[] = [];
  const instances: string[] = [];
  let i = 0;
  for (const pkg of clients) {
    if (pkg === '@aws-sdk/lib-dynamodb') continue;
    const cls = await clientClassOf(pkg);
    const id = `c${i++}`;
    lines.push(`import { ${cls} } from '${pkg}';`);
    if (pkg === '@aws-sdk/client-dynamodb' && clients.includes('@aws-sdk/lib-dynamodb')) {
      lines.push(`import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';`);
      instances.push(`export const ${id} = DynamoDBDocumentClient.from(new ${cls}({}));`);
    } else {
      instances.push(`export const ${id} = new ${cls}({});`);
    }
  }
  return [...lines, ...instances].join('\n') + '\n';
}

/** A short name for a floor: the services, `dynamodb-doc` for DynamoDB through the document client. */
export function floorName(clients: string[]): string {
  const doc = clients.includes('@aws-sdk/lib-dynamodb');
  const names = clients
    .filter((c) => c !== '@aws-sdk/lib-dynamodb')
    .map((c) => c.replace(/^@aws-sdk\/client-/, ''))
    .map((n) => (n === 'dynamodb' && doc ? 'dynamodb-doc' : n));
  return names.length ? names.join('+') : 'empty';
}

// ---------- what a bundle is made of ----------

/** The npm package (or app folder) a metafile input path belongs to. */
export function packageOf(input: string): string {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = input.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : (parts[0] ?? input);
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : input;
}

/** Bytes each package contributes to the bundle's output, largest first. */
export function packageBreakdown(metafile: Metafile): { pkg: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = packageOf(input);
      totals.set(pkg, (totals.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([pkg, bytes]) => ({ pkg, bytes })).sort((a, b) => b.bytes - a.bytes);
}
