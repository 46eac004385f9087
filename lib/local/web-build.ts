/**
 * The web app's build, when it is missing or older than its sources: `npm start` and the browser tests (their global
 * setup) serve web/dist, and neither should serve yesterday's app nor rebuild an unchanged one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { PROJECT_ROOT as ROOT, WEB_DIR, WEB_OWN_SOURCES, WEB_SHARED_SOURCES } from '../web-sources.ts';

export { WEB_DIR };
/** Vite's outDir (web/vite.config.ts). */
const DIST = 'dist';
export const WEB_DIST_DIR = join(WEB_DIR, DIST);

/** The newest modification time of a file at or under `path`, 0 when there is none. */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Whether the app's dist is missing or older than any of its sources. */
export function webBuildIsStale(root = ROOT): boolean {
  const webDir = join(root, 'web');
  // Written by every build (Vite empties the folder first), so its time is the build's.
  const built = join(webDir, DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return (
    WEB_OWN_SOURCES.some((source) => newestMtime(join(webDir, source)) > builtAt) ||
    WEB_SHARED_SOURCES.some((source) => newestMtime(join(root, source)) > builtAt)
  );
}

/**
 * Builds the app (`npm run build -w web`) with the project's Node (node_modules/.bin first on the PATH, as npm scripts
 * have it), each line of its output prefixed; rejects, saying so, when the build fails.
 */
export function buildWebApp(log: (line: string) => void = console.log): Promise<void> {
  const child = spawn('npm', ['run', 'build', '-w', 'web'], {
    cwd: ROOT,
    // The production build whoever starts it (vitest sets NODE_ENV=test, which would bundle Preact's debug code).
    env: { ...process.env, NODE_ENV: 'production', PATH: [join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on('line', (line) => log(`[web build] ${line}`));
  return new Promise((ok, fail) => {
    child.once('error', (err) => fail(new Error(`The web app could not be built: ${err.message}`)));
    child.once('close', (code, signal) =>
      code === 0 ? ok() : fail(new Error(`The web app's build failed (npm run build -w web ${signal ? `was stopped by ${signal}` : `exited with ${code}`}); its output is above.`)),
    );
  });
}

/** Builds the app if web/dist is missing or stale; says which. */
export async function buildWebAppIfStale(log: (line: string) => void = console.log): Promise<void> {
  if (!webBuildIsStale()) return;
  log('Building the web app (web/dist is missing or older than web/src)...');
  await buildWebApp(log);
}
