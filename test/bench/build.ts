/**
 * Bundling for the benchmark: each function with the exact settings the stack uses (lib/bundling.ts), the
 * "floor" bundles (only the SDK clients a function uses), and a per-package breakdown of a bundle.
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { readFileSync, statSync } from 'node:fs';
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

/**
 * Bundles a JavaScript source text (a floor, or one library alone) with the same settings. `sourceMap: false` leaves
 * the map out: a floor is the least a function could import, so if the functions' NODE_OPTIONS ever made Node read
 * their maps at load time, the ratio to the floor would show what that costs.
 */
export async function bundleSource(contents: string, outDir: string, name: string, { sourceMap = true } = {}): Promise<Bundle> {
  const file = path.join(outDir, `${name}.mjs`);
  const result = await build({
    ...stackSettings(),
    ...(sourceMap ? {} : { sourcemap: false }),
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

/** The presigner packages, and the function each exports; a floor holds the ones its function's bundle holds. */
export const PRESIGNERS: Record<string, string> = {
  '@aws-sdk/s3-presigned-post': 'createPresignedPost',
  '@aws-sdk/s3-request-presigner': 'getSignedUrl',
};

/**
 * The AWS SDK packages a bundle holds code of (bytes in the output, from its metafile, so that what esbuild
 * shook out does not count): `@aws-sdk/client-*`, `@aws-sdk/lib-dynamodb` for the document client and the
 * presigners. A function with a table always counts DynamoDB.
 */
export function sdkPackagesOf(metafile: Metafile, table: boolean): string[] {
  const found = new Set<string>(table ? ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'] : []);
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const pkg = packageOf(input);
      if (/^@aws-sdk\/client-[a-z0-9-]+$/.test(pkg) || pkg === '@aws-sdk/lib-dynamodb' || pkg in PRESIGNERS) found.add(pkg);
    }
  }
  // The document client needs the DynamoDB client to exist; a presigner signs with an S3 client.
  if (found.has('@aws-sdk/lib-dynamodb')) found.add('@aws-sdk/client-dynamodb');
  if (Object.keys(PRESIGNERS).some((p) => found.has(p))) found.add('@aws-sdk/client-s3');
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
 * The floor's source: import and instantiate each client the function uses, and import (and export, so
 * esbuild keeps it) each presigner it uses, nothing else. For DynamoDB that is DynamoDBClient wrapped by
 * DynamoDBDocumentClient, as functions/adapters/clients.ts does. No packages at all gives an empty module.
 */
export async function floorSource(packages: string[]): Promise<string> {
  const lines: string[] = [];
  const instances: string[] = [];
  let i = 0;
  for (const pkg of packages) {
    if (pkg === '@aws-sdk/lib-dynamodb') continue;
    const id = `c${i++}`;
    const presigner = PRESIGNERS[pkg];
    if (presigner) {
      lines.push(`import { ${presigner} } from '${pkg}';`);
      instances.push(`export const ${id} = ${presigner};`);
      continue;
    }
    const cls = await clientClassOf(pkg);
    lines.push(`import { ${cls} } from '${pkg}';`);
    if (pkg === '@aws-sdk/client-dynamodb' && packages.includes('@aws-sdk/lib-dynamodb')) {
      lines.push(`import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';`);
      instances.push(`export const ${id} = DynamoDBDocumentClient.from(new ${cls}({}));`);
    } else {
      instances.push(`export const ${id} = new ${cls}({});`);
    }
  }
  return [...lines, ...instances].join('\n') + '\n';
}

/**
 * A short name for a floor: the services, `dynamodb-doc` for DynamoDB through the document client, and the
 * presigners (`presigned-post`, `request-presigner`).
 */
export function floorName(packages: string[]): string {
  const doc = packages.includes('@aws-sdk/lib-dynamodb');
  const services = packages
    .filter((p) => p !== '@aws-sdk/lib-dynamodb' && !(p in PRESIGNERS))
    .map((p) => p.replace(/^@aws-sdk\/client-/, ''))
    .map((n) => (n === 'dynamodb' && doc ? 'dynamodb-doc' : n));
  const presigners = packages.filter((p) => p in PRESIGNERS).map((p) => p.replace(/^@aws-sdk\/s3-/, ''));
  const names = [...services, ...presigners];
  return names.length ? names.join('+') : EMPTY_FLOOR;
}

/** The floor of a function that uses no SDK client: an empty module. Its target is absolute (run.ts), not a ratio. */
export const EMPTY_FLOOR = 'empty';

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

/**
 * For an input inside a package: the package's directory and, when that copy is nested in another
 * package's node_modules (npm could not share one version), the package that carries it.
 */
function packageCopyOf(input: string): { dir: string; via?: string } | undefined {
  const nm = input.lastIndexOf('node_modules/');
  if (nm < 0) return undefined;
  const pkg = packageOf(input);
  const dir = input.slice(0, nm + 'node_modules/'.length + pkg.length);
  const outer = nm > 0 ? input.slice(0, nm - 1) : '';
  return outer.includes('node_modules/') ? { dir, via: packageOf(outer + '/') } : { dir };
}

/** A package's label in a breakdown: its name, and for a nested copy the package that carries it. */
function labelOf(input: string): string {
  const via = packageCopyOf(input)?.via;
  return via ? `${packageOf(input)} (${via}'s own copy)` : packageOf(input);
}

/** Bytes each package contributes to the bundle's output, largest first; a nested copy of a package is its own entry. */
export function packageBreakdown(metafile: Metafile): { pkg: string; bytes: number }[] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = labelOf(input);
      totals.set(pkg, (totals.get(pkg) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].map(([pkg, bytes]) => ({ pkg, bytes })).sort((a, b) => b.bytes - a.bytes);
}

export interface PackageCopy {
  version: string;
  /** The package whose node_modules holds this copy; none for the top-level one. */
  via?: string;
  bytes: number;
}

/**
 * Packages of which the bundle carries more than one copy (code of each in the output): two versions that
 * npm could not share, typically a dependency that pins an exact version of another.
 */
export function duplicatePackages(metafile: Metafile): { pkg: string; copies: PackageCopy[] }[] {
  const byPkg = new Map<string, Map<string, PackageCopy>>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const copy = packageCopyOf(input);
      if (!copy || bytesInOutput === 0) continue;
      const pkg = packageOf(input);
      const copies = byPkg.get(pkg) ?? new Map<string, PackageCopy>();
      byPkg.set(pkg, copies);
      const known = copies.get(copy.dir);
      if (known) known.bytes += bytesInOutput;
      else copies.set(copy.dir, { version: versionAt(copy.dir), ...(copy.via ? { via: copy.via } : {}), bytes: bytesInOutput });
    }
  }
  return [...byPkg]
    .filter(([, copies]) => copies.size > 1)
    .map(([pkg, copies]) => ({ pkg, copies: [...copies.values()].sort((a, b) => Number(!!a.via) - Number(!!b.via)) }));
}

function versionAt(dir: string): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return '?';
  }
}
