/**
 * The built web app (web/dist) on localhost, served as CloudFront serves it on AWS: the same security headers
 * (lib/web-headers.ts), hashed assets cached for good, index.html and config.json always revalidated, index.html for
 * any path without an extension (the app's own routes), config.json answered from memory, and text compressed with
 * gzip for a browser that accepts it (CloudFront compresses them too).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, resolve, sep } from 'node:path';
import { CONFIG_PATH, type AppConfig } from '../../web/src/config.ts';
import { webSecurityHeaders } from '../web-headers.ts';
import type { LocalEnvironment } from './environment.ts';
import { listen, LOOPBACK, reachableHost } from './server.ts';
import { WEB_DIST_DIR } from './web-build.ts';

export interface WebAppOptions {
  port: number;
  host?: string;
  /** The built app: index.html and assets/. */
  distDir: string;
  /** What /config.json answers. */
  config: AppConfig;
  /** The media bucket's origin (the local S3's endpoint), which the content security policy lets the app reach. */
  mediaOrigin: string;
}

export interface WebApp {
  /** Where the app is, e.g. http://localhost:5173 (its origin: the API and the bucket allow it with CORS). */
  url: string;
  port: number;
  close(): Promise<void>;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** What is worth compressing: text (images, fonts and media come compressed). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.txt', '.svg']);

/** Vite names what it writes under assets/ by its content's hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else keeps its name across builds (index.html, config.json, public/ files): always revalidated. */
const REVALIDATE = 'no-cache';

/** The regular file at `path`, if there is one. */
function fileSize(path: string): number | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : undefined;
  } catch {
    return undefined;
  }
}

export async function serveWebApp(opts: WebAppOptions): Promise<WebApp> {
  const root = resolve(opts.distDir);
  const host = opts.host ?? LOOPBACK;
  const security = webSecurityHeaders({ api: new URL(opts.config.apiUrl).origin, media: opts.mediaOrigin });
  const configJson = JSON.stringify(opts.config);

  const server: Server = createServer((req, res) => {
    const send = (status: number, headers: Record<string, string>, body: string) => {
      res.writeHead(status, { ...security, ...headers, 'content-length': String(Buffer.byteLength(body)) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => send(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE }, 'Not found');

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Method not allowed');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(400, { 'content-type': 'text/plain; charset=utf-8' }, 'Bad request');
      return;
    }
    if (path === CONFIG_PATH) {
      send(200, { 'content-type': CONTENT_TYPES['.json']!, 'cache-control': REVALIDATE }, configJson);
      return;
    }

    // An encoded slash or dot-dot survives the URL parser's normalisation: the resolved path must stay inside the folder.
    const requested = resolve(root, `.${path}`);
    if (path.includes('\0') || (requested !== root && !requested.startsWith(root + sep))) {
      notFound();
      return;
    }
    // A path without an extension is one of the app's routes: the app reads it; a missing file with one is missing.
    const file = fileSize(requested) !== undefined ? requested : extname(path) === '' ? join(root, 'index.html') : undefined;
    const size = file === undefined ? undefined : fileSize(file);
    if (file === undefined || size === undefined) {
      notFound();
      return;
    }
    const type = extname(file).toLowerCase();
    const gzip = COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      ...security,
      'content-type': CONTENT_TYPES[type] ?? 'application/octet-stream',
      ...(gzip ? { 'content-encoding': 'gzip' } : { 'content-length': String(size) }),
      ...(COMPRESSIBLE.has(type) ? { vary: 'Accept-Encoding' } : {}),
      'cache-control': file.startsWith(join(root, 'assets') + sep) ? IMMUTABLE : REVALIDATE,
    });
    if (req.method === 'HEAD') res.end();
    else {
      const content = createReadStream(file).on('error', () => res.destroy());
      (gzip ? content.pipe(createGzip()) : content).pipe(res);
    }
  });

  const port = await listen(server, opts.port, host);
  return {
    url: `http://${host === LOOPBACK ? 'localhost' : reachableHost(host)}:${port}`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The built app (web/dist) for a local environment: its API, the local sign-in (POST /local/token), its bucket. */
export function serveLocalWebApp(env: Pick<LocalEnvironment, 'url' | 's3'>, port: number, host?: string): Promise<WebApp> {
  return serveWebApp({
    port,
    ...(host === undefined ? {} : { host }),
    distDir: WEB_DIST_DIR,
    config: { apiUrl: env.url, auth: { kind: 'local' } },
    mediaOrigin: env.s3.endpoint,
  });
}
