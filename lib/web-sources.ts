/**
 * What the web app's build reads: web/ itself, and the backend's pure domain code it imports (the languages, `{name}`
 * formatting, the country list: functions/domain). The local build (lib/local/web-build.ts) rebuilds when any of it is
 * newer than web/dist; the stack (lib/constructs/web.ts) hashes all of it for the app's asset. A test holds every
 * import of web/src from outside web/ to this list (test/unit/local/web.test.ts).
 */
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');
export const WEB_DIR = join(PROJECT_ROOT, 'web');
/** Under web/: the app's code and page, the build's configuration, and what it copies as is. */
export const WEB_OWN_SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json'] as const;
/** Outside web/, relative to the project root. */
export const WEB_SHARED_SOURCES = ['functions/domain'] as const;
