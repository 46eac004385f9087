/**
 * Readable stack traces without `--enable-source-maps`: that flag makes Node parse the bundle's source map while the
 * bundle loads, on every cold start. Here the map (index.mjs.map, which the bundling writes next to the bundle) is
 * read the first time an error is logged, and each frame that points into this bundle is mapped back to its source
 * file, line and column. Enabling source maps after the bundle was imported (process.setSourceMapsEnabled) does not
 * map that bundle's frames, so this is done by hand with node:module's SourceMap.
 *
 * Run from source (tsx, vitest: no bundle, no map) nothing is mapped and stacks are left as they are.
 */
import { SourceMap, type SourceMapPayload } from 'node:module';
import { fileURLToPath } from 'node:url';

/** This module's URL is the bundle's once bundled: only frames in that file are mapped, with the map next to it. */
const BUNDLE_URL = import.meta.url;

/** undefined: not read yet; null: no usable map (read once, not retried). */
let bundleMap: SourceMap | null | undefined;

function loadMap(): SourceMap | null {
  if (bundleMap !== undefined) return bundleMap;
  bundleMap = null;
  if (!BUNDLE_URL.startsWith('file:') || !/\.m?js$/.test(BUNDLE_URL)) return bundleMap;
  try {
    // node:fs is taken here, not imported: importing it builds its whole ES module namespace (fs.promises and all),
    // about 6 ms of the cold start of a function that loads nothing else that needs it (the docs functions).
    const { readFileSync } = process.getBuiltinModule('node:fs');
    const payload = JSON.parse(readFileSync(`${fileURLToPath(BUNDLE_URL)}.map`, 'utf8')) as SourceMapPayload;
    bundleMap = new SourceMap(payload);
  } catch {
    // No map, or not one Node can read: stacks stay as they are.
  }
  return bundleMap;
}

/**
 * A source as the map names it, relative to the bundle's folder at build time (`../../work/app/functions/x.ts`):
 * without the leading `../`, which say where the build ran, not where the code is.
 */
const sourceName = (fileName: string) => fileName.replace(/^(?:\.\.?\/)+/, '');

/** `<bundle URL>:<line>:<column>` in a frame, as V8 prints a location (line and column 1-based). */
function locationPattern(): RegExp {
  return new RegExp(`${BUNDLE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`);
}

/** One `    at ...` line with its location in the bundle replaced by the original one, if the map knows it. */
function mapFrame(line: string, map: SourceMap, pattern: RegExp): string {
  if (!/^\s+at /.test(line)) return line;
  const m = pattern.exec(line);
  if (!m) return line;
  // findOrigin takes and returns 1-based lines and columns, as stack traces print them.
  const origin = map.findOrigin(Number(m[1]), Number(m[2]));
  if (!('fileName' in origin)) return line;
  return line.replace(m[0], `${sourceName(origin.fileName)}:${origin.lineNumber}:${origin.columnNumber}`);
}

/**
 * The stack with every frame in this bundle mapped to its source (file:line:column); frames elsewhere (Node's own,
 * or a bundle without a map) as they were. Never throws: a stack that cannot be mapped is returned unchanged.
 */
export function mapStack(stack: string): string {
  try {
    if (!stack.includes(BUNDLE_URL)) return stack;
    const map = loadMap();
    if (!map) return stack;
    const pattern = locationPattern();
    return stack
      .split('\n')
      .map((line) => mapFrame(line, map, pattern))
      .join('\n');
  } catch {
    return stack;
  }
}

/** How deep a chain of causes is followed (a cause may, in theory, lead back to its error). */
const MAX_CAUSES = 5;

/**
 * The error as the logger should see it: a copy with its stack (and its causes' stacks) mapped, or the error itself
 * when there is nothing to map. The error is not changed: whoever else holds it still sees the original.
 */
export function withMappedStack(error: Error, depth = 0): Error {
  try {
    const stack = typeof error.stack === 'string' ? mapStack(error.stack) : error.stack;
    const cause = error.cause instanceof Error && depth < MAX_CAUSES ? withMappedStack(error.cause, depth + 1) : error.cause;
    if (stack === error.stack && cause === error.cause) return error;
    const { stack: _stack, cause: _cause, ...own } = Object.getOwnPropertyDescriptors(error);
    const copy = Object.create(Object.getPrototypeOf(error) as object, own) as Error;
    Object.defineProperty(copy, 'stack', { value: stack, writable: true, configurable: true, enumerable: false });
    if ('cause' in error) Object.defineProperty(copy, 'cause', { value: cause, writable: true, configurable: true, enumerable: false });
    return copy;
  } catch {
    return error;
  }
}
