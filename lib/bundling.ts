import { fileURLToPath } from 'node:url';

/**
 * The esbuild settings every function is bundled with. The function construct (lib/constructs/function.ts)
 * and the benchmark (test/bench) both read this, so the bench measures what Lambda runs.
 */
export const ESBUILD_SETTINGS = {
  platform: 'node',
  target: 'node24',
  format: 'esm',
  minify: true,
  /**
   * An external map (index.mjs.map next to the bundle), read only when an error is logged
   * (functions/shared/stack-map.ts). Without the sources' text: a frame needs file, line and column, and the map is a
   * third of the size (about 0.7 MiB instead of 2.1 MiB for getCase).
   */
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  /** ESM bundles still meet CommonJS dependencies that call require(). */
  banner: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  /** The SDK is bundled, not taken from the runtime: pinned versions, and tree-shaking keeps it small. */
  external: [] as string[],
} as const;

/** Lambda settings the local server mirrors (its early-timeout context uses the same timeout). */
export const FUNCTION_TIMEOUT_SECONDS = 10;
export const FUNCTION_MEMORY_MB = 512;

/** Where the handler modules live; route entries are relative to it. */
export const FUNCTIONS_DIR = fileURLToPath(new URL('../functions', import.meta.url));
