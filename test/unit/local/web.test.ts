/**
 * The local static server of the web app (lib/local/web.ts) against a dist folder of its own: what it serves, with which
 * type and caching, the app's routes falling back to index.html while a missing asset is a 404, nothing outside the
 * folder, the security headers of lib/web-headers.ts on every answer, and config.json from memory. And when the app
 * is built again (lib/local/web-build.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp, type WebApp } from '../../../lib/local/web.ts';
import { webBuildIsStale } from '../../../lib/local/web-build.ts';
import { webContentSecurityPolicy } from '../../../lib/web-headers.ts';
import { PROJECT_ROOT, WEB_DIR, WEB_SHARED_SOURCES } from '../../../lib/web-sources.ts';
import type { AppConfig } from '../../../web/src/config.ts';

const INDEX = '<!doctype html><html lang="en"><body><div id="app"></div></body></html>';
const SCRIPT = 'console.log("app");';
const CONFIG: AppConfig = { apiUrl: 'http://localhost:3999', auth: { kind: 'local' } };
const MEDIA = 'http://127.0.0.1:4568';

let base: string;
let app: WebApp;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'pc-web-test-'));
  const dist = join(base, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-B2x9kQ.js'), SCRIPT);
  writeFileSync(join(dist, 'assets', 'index-C4f1aa.css'), 'body{margin:0}');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A config.json in the build (say, from public/) must not shadow the one the server was given.
  writeFileSync(join(dist, 'config.json'), '{"apiUrl":"https://stale.example.org","auth":{"kind":"local"}}');
  // Beside the folder, out of reach: one file next to it, one in a sibling whose name starts like the folder's.
  writeFileSync(join(base, 'secret.txt'), 'secret');
  mkdirSync(join(base, 'dist-private'));
  writeFileSync(join(base, 'dist-private', 'secret.txt'), 'secret');
  app = await serveWebApp({ port: 0, distDir: dist, config: CONFIG, mediaOrigin: MEDIA });
});

afterAll(async () => {
  await app?.close();
  rmSync(base, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with the path exactly as given: fetch would normalise the dot-segments a traversal attempt relies on. */
function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: app.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: (res.headers['content-encoding'] === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the local web app server', () => {
  it('serves the files of the build with their content types', async () => {
    const cases: [string, string, string | undefined][] = [
      ['/', 'text/html; charset=utf-8', INDEX],
      ['/index.html', 'text/html; charset=utf-8', INDEX],
      ['/assets/index-B2x9kQ.js', 'text/javascript; charset=utf-8', SCRIPT],
      ['/assets/index-C4f1aa.css', 'text/css; charset=utf-8', 'body{margin:0}'],
      ['/favicon.svg', 'image/svg+xml', undefined],
    ];
    for (const [path, type, body] of cases) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toBe(type);
      if (body !== undefined) expect(answer.body, path).toBe(body);
      expect(answer.headers['content-length'], path).toBe(String(Buffer.byteLength(answer.body)));
    }
  });

  it('caches hashed assets for good, and has the browser revalidate index.html, config.json and the rest', async () => {
    expect((await get('/assets/index-B2x9kQ.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/cases/01J0000000000000000000000', '/config.json', '/favicon.svg']) {
      expect((await get(path)).headers['cache-control'], path).toBe('no-cache');
    }
  });

  it("answers the app's routes (paths without an extension) with index.html, and a missing file with an extension with 404", async () => {
    for (const path of ['/cases', '/cases/01J0000000000000000000000/edit', '/sign-in?next=%2Fcases', '/assets']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toBe(INDEX);
    }
    for (const path of ['/assets/index-missing.js', '/missing.css', '/cases/photo.png']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('<html');
    }
  });

  it('serves nothing outside its folder, however the path is spelled', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%2fdist-private%2fsecret.txt', '/..%5csecret.txt', '/%00secret.txt']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('secret');
    }
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('answers config.json from memory, not from the build', async () => {
    const answer = await get('/config.json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(answer.body)).toEqual(CONFIG);
  });

  it("sets the deployed app's security headers on every answer, found or not", async () => {
    const csp = webContentSecurityPolicy({ api: 'http://localhost:3999', media: MEDIA });
    for (const path of ['/', '/assets/index-B2x9kQ.js', '/config.json', '/missing.js', '/cases']) {
      const { headers } = await get(path);
      expect(headers['content-security-policy'], path).toBe(csp);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['strict-transport-security'], path).toMatch(/^max-age=\d+; includeSubDomains$/);
    }
    // The policy lets the app reach its API and the bucket, and nothing else; nobody may frame it.
    expect(csp).toMatch(/(^|; )connect-src 'self' http:\/\/localhost:3999 http:\/\/127\.0\.0\.1:4568(;|$)/);
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(csp).toMatch(/(^|; )default-src 'none'(;|$)/);
  });

  it('compresses text with gzip for a client that accepts it, as CloudFront does, and only then', async () => {
    const zipped = await get('/assets/index-B2x9kQ.js', 'GET', { 'accept-encoding': 'br, gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(zipped.body).toBe(SCRIPT);
    const route = await get('/cases/01J', 'GET', { 'accept-encoding': 'gzip' });
    expect([route.headers['content-encoding'], route.body]).toEqual(['gzip', INDEX]);
    const plain = await get('/assets/index-B2x9kQ.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    // A client that accepts no gzip gets the file as it is.
    expect((await get('/favicon.svg', 'GET', { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/assets/index-B2x9kQ.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-length']).toBe(String(SCRIPT.length));
    const post = await get('/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('whether the web app must be built again', () => {
  it('is when dist is missing or older than any source, nested ones and the backend code it imports included, and not otherwise', () => {
    const root = mkdtempSync(join(tmpdir(), 'pc-web-build-'));
    const web = join(root, 'web');
    try {
      const at = (path: string, seconds: number) => utimesSync(join(web, path), seconds, seconds);
      mkdirSync(join(web, 'src', 'cases'), { recursive: true });
      writeFileSync(join(web, 'src', 'cases', 'page.tsx'), '');
      writeFileSync(join(web, 'index.html'), '');
      for (const path of ['src/cases/page.tsx', 'src/cases', 'src', 'index.html']) at(path, 1_000);
      mkdirSync(join(root, 'functions', 'domain', 'i18n'), { recursive: true });
      writeFileSync(join(root, 'functions', 'domain', 'i18n', 'en.ts'), '');
      for (const path of ['functions/domain/i18n/en.ts', 'functions/domain/i18n', 'functions/domain']) utimesSync(join(root, path), 1_000, 1_000);
      expect(webBuildIsStale(root)).toBe(true);

      mkdirSync(join(web, 'dist'));
      writeFileSync(join(web, 'dist', 'index.html'), '');
      at('dist/index.html', 2_000);
      expect(webBuildIsStale(root)).toBe(false);

      at('src/cases/page.tsx', 3_000);
      expect(webBuildIsStale(root)).toBe(true);
      at('src/cases/page.tsx', 1_000);
      at('index.html', 3_000);
      expect(webBuildIsStale(root)).toBe(true);
      at('index.html', 1_000);
      expect(webBuildIsStale(root)).toBe(false);
      // A catalogue the app imports from the backend (web-sources.ts) counts as much as the app's own code.
      utimesSync(join(root, 'functions', 'domain', 'i18n', 'en.ts'), 3_000, 3_000);
      expect(webBuildIsStale(root)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("the web app's sources", () => {
  it('name every file web/src imports from outside web/ (what the builds watch and hash)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
    const outside = files(join(WEB_DIR, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => relative(PROJECT_ROOT, resolve(dirname(file), m[1]!))).filter((p) => !p.startsWith('web/')),
    );
    expect(outside.length).toBeGreaterThan(0);
    for (const path of outside) expect(WEB_SHARED_SOURCES.some((source) => path.startsWith(`${source}/`)), path).toBe(true);
  });
});
