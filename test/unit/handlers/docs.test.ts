import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { build } from 'esbuild';
import fc from 'fast-check';
import { AppError } from '#domain/errors';
import { DOCS_ASSET_VERSION_MAX } from '#domain/limits';
import { validate } from '#shared/http';
import { buildOpenApi } from '#shared/openapi';
import { ROUTES, routes } from '#shared/routes';
import { assetVersionAsked, handler as getAsset } from '../../../functions/docs/asset.ts';
import { DOCS_ASSETS, SWAGGER_UI_VERSION, sourcePathOf } from '../../../functions/docs/assets.ts';
import { handler as getOpenApi } from '../../../functions/docs/openapi.ts';
import { ESBUILD_SETTINGS, FUNCTIONS_DIR } from '../../../lib/bundling.ts';
import { apiEvent, invoke } from '../../support/api-event.ts';

type Handler = (e: APIGatewayProxyEvent, c: Context) => Promise<APIGatewayProxyResult>;

const asset = (file: string, opts: { query?: Record<string, string>; headers?: Record<string, string> } = {}) =>
  invoke(getAsset, apiEvent(routes.docsAsset, { path: `/docs/assets/${file}`, ...opts }));

/** The handler module loaded afresh, so that it reads the environment as stubbed (both read it at cold start). */
async function freshHandler(module: 'docs' | 'asset'): Promise<Handler> {
  vi.resetModules();
  const loaded = (await import(`../../../functions/docs/${module}.ts`)) as { handler: Handler };
  return loaded.handler;
}

afterEach(() => vi.unstubAllEnvs());

describe('GET /docs/assets/{file}', () => {
  it('serves every file of the allow-list as it is in the project, with its content type and an ETag', async () => {
    for (const [name, { contentType }] of Object.entries(DOCS_ASSETS)) {
      const res = await asset(name);
      expect(res.status, name).toBe(200);
      expect(res.headers['content-type'], name).toBe(contentType);
      expect(res.body, name).toBe(readFileSync(sourcePathOf(name), 'utf8'));
      expect(res.headers.etag, name).toMatch(/^"[\w-]{10,}"$/);
    }
    expect((await asset('swagger-ui-bundle.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await asset('swagger-ui.css')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers any other name, path tricks included, with a 404 problem and no file content', async () => {
    const tricks = [
      'index.html', 'swagger-ui-bundle.js.map', 'package.json', 'swagger-initializer.js', 'SWAGGER-UI.CSS', 'docs.js%00.css',
      '..%2Fpackage.json', '..%2F..%2F..%2Fpackage.json', '%2e%2e%2fassets.ts', 'client%2Fdocs.js', '..%5Cassets.ts',
      '%2Fetc%2Fpasswd', '__proto__', 'constructor', 'hasOwnProperty', '.', '..',
    ];
    for (const file of tricks) {
      const res = await asset(file);
      expect(res.status, file).toBe(404);
      expect(res.headers['content-type'], file).toMatch(/^application\/problem\+json/);
      expect(res.json?.code, file).toBe('not-found');
    }
  });

  it('lets a URL that names the served package version be cached for good, any other briefly', async () => {
    const pinned = await asset('swagger-ui-bundle.js', { query: { v: SWAGGER_UI_VERSION } });
    expect(pinned.headers['cache-control']).toMatch(/immutable/);
    expect(pinned.headers['cache-control']).toMatch(/max-age=31536000/);
    for (const res of [
      await asset('swagger-ui-bundle.js'),
      await asset('swagger-ui-bundle.js', { query: { v: '0.0.1' } }),
      // Our own file changes with every deploy: never immutable, whatever v says.
      await asset('docs.js', { query: { v: SWAGGER_UI_VERSION } }),
    ]) {
      expect(res.headers['cache-control']).not.toMatch(/immutable/);
      expect(res.headers['cache-control']).toMatch(/^public, max-age=\d{1,4}$/);
    }
  });

  it('answers 304 without a body when If-None-Match names the current ETag', async () => {
    const { headers } = await asset('swagger-ui.css');
    const again = await asset('swagger-ui.css', { headers: { 'if-none-match': `"stale", ${headers.etag}` } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(headers.etag);
    expect((await asset('swagger-ui.css', { headers: { 'if-none-match': '"stale"' } })).status).toBe(200);
  });

  it('refuses a query the route does not declare, or a version longer than it allows, with a 400 problem', async () => {
    const queries: Record<string, string>[] = [{ x: '1' }, { constructor: '1' }, { v: 'v'.repeat(DOCS_ASSET_VERSION_MAX + 1) }];
    for (const query of queries) {
      const res = await asset('docs.css', { query });
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.json?.code).toBe('validation-failed');
    }
    expect((await asset('docs.css', { query: { v: 'v'.repeat(DOCS_ASSET_VERSION_MAX) } })).status).toBe(200);
  });

  it("checks the query exactly as the route's declared schema does, without loading it", () => {
    /** What validation makes of a query: the value it reads, or the problem code and each field's path and code. */
    const outcome = (check: () => string | undefined) => {
      try {
        return { v: check() };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        return { code: err.code, fields: (err.errors ?? []).map((e) => `${e.path} ${e.code}`).sort() };
      }
    };
    const declared = routes.docsAsset.query;
    const key = fc.constantFrom('v', 'V', 'w', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty');
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ minLength: DOCS_ASSET_VERSION_MAX - 2, maxLength: DOCS_ASSET_VERSION_MAX + 2 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(key, value), { maxLength: 4 }), (entries) => {
        // As API Gateway hands them over: own keys, a repeated key's last value.
        const query = Object.fromEntries(entries);
        expect(outcome(() => assetVersionAsked(query))).toEqual(outcome(() => validate(declared, query, 'query').v));
      }),
      { numRuns: 500, seed: 20_240_607 },
    );
  });

  it('reads the files from DOCS_ASSETS_DIR when the function construct has copied them there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-assets-'));
    writeFileSync(join(dir, 'docs.css'), 'body { color: teal; }');
    vi.stubEnv('DOCS_ASSETS_DIR', dir);
    const handler = await freshHandler('asset');
    const res = await invoke(handler, apiEvent(routes.docsAsset, { path: '/docs/assets/docs.css' }));
    expect(res.status).toBe(200);
    expect(res.body).toBe('body { color: teal; }');

    // The ETag names the content: the same file has the same one, another file another.
    const etagFrom = async (text: string) => {
      const other = mkdtempSync(join(tmpdir(), 'docs-assets-'));
      writeFileSync(join(other, 'docs.css'), text);
      vi.stubEnv('DOCS_ASSETS_DIR', other);
      return (await invoke(await freshHandler('asset'), apiEvent(routes.docsAsset, { path: '/docs/assets/docs.css' }))).headers.etag;
    };
    expect(await etagFrom('body { color: teal; }')).toBe(res.headers.etag);
    expect(await etagFrom('body { color: olive; }')).not.toBe(res.headers.etag);
  });
});

describe('GET /docs', () => {
  const page = async (handler: Handler) => invoke(handler, apiEvent(routes.docs));

  /** Every URL the page names: src, href and the data attributes its script reads. */
  const urlsOf = (html: string) => [...html.matchAll(/\s(?:src|href|data-[\w-]+-url)="([^"]*)"/g)].map((m) => m[1]!);

  it('loads Swagger UI from this API only, by URLs relative to the page', async () => {
    const res = await page(await freshHandler('docs'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const urls = urlsOf(res.body);
    expect(urls).toEqual(expect.arrayContaining(['openapi.json', ...Object.keys(DOCS_ASSETS).map((name) => expect.stringMatching(new RegExp(`^docs/assets/${name.replace('.', '\\.')}(\\?v=|$)`)))]));
    for (const url of urls.filter((u) => u !== 'data:,')) {
      // No scheme, no host, no leading slash: under /dev/docs, docs/assets/x resolves to /dev/docs/assets/x.
      expect(url, url).not.toMatch(/^([a-z][a-z0-9+.-]*:|\/)/i);
      expect(new URL(url, 'https://api.example.org/dev/docs').pathname, url).toMatch(/^\/dev\//);
    }
  });

  it('has no inline script, event handler or style, and a CSP that allows only its own origin', async () => {
    const res = await page(await freshHandler('docs'));
    for (const script of res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\ssrc="/);
      expect(script[2]).toBe('');
    }
    expect(res.body).not.toMatch(/\son[a-z]+\s*=/i);
    expect(res.body).not.toMatch(/\sstyle\s*=|<style/i);
    const csp = Object.fromEntries(res.headers['content-security-policy']!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it('offers the local sign-in only where the local environment says so', async () => {
    expect((await page(await freshHandler('docs'))).body).not.toContain('local-sign-in');

    vi.stubEnv('LOCAL_TOKEN_ROUTE', '/local/token');
    const local = (await page(await freshHandler('docs'))).body;
    expect(local).toContain('id="local-sign-in"');
    expect(urlsOf(local)).toContain('local/token');
    for (const name of ['sub', 'email', 'role']) expect(local).toMatch(new RegExp(`<input[^>]*name="${name}"`));
    for (const id of local.matchAll(/<input[^>]*\sid="([^"]+)"/g)) expect(local, `a label for ${id[1]}`).toContain(`for="${id[1]}"`);
  });
});

describe('GET /openapi.json', () => {
  const fetchedAt = (domainName: string, fullPath: string) => {
    const event = apiEvent(routes.openapi, { headers: { 'x-forwarded-proto': 'https' } });
    event.requestContext.domainName = domainName;
    event.requestContext.path = fullPath;
    return invoke(getOpenApi, event);
  };

  it('is the document of the route table, with the server it was fetched from', async () => {
    const res = await fetchedAt('abc123.execute-api.eu-west-1.amazonaws.com', '/dev/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json).toEqual(buildOpenApi(ROUTES, { servers: [{ url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev' }] }));
  });

  it('names as its server the URL it was fetched from, stage path included', async () => {
    const staged = await fetchedAt('abc123.execute-api.eu-west-1.amazonaws.com', '/dev/openapi.json');
    expect(staged.json?.servers).toEqual([{ url: 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev' }]);
    const custom = await fetchedAt('api.example.org', '/openapi.json');
    expect(custom.json?.servers).toEqual([{ url: 'https://api.example.org' }]);
    // The first document was not overwritten by the second.
    expect((await fetchedAt('abc123.execute-api.eu-west-1.amazonaws.com', '/dev/openapi.json')).json?.servers).toEqual(staged.json?.servers);
  });
});

describe('the docs functions at cold start', () => {
  const DOCS_ROUTES = [routes.openapi, routes.docs, routes.docsAsset];

  /** What the function's bundle holds, as the function construct bundles it (lib/bundling.ts), and what it imports as it loads. */
  async function bundled(entry: string): Promise<{ inputs: string[]; imports: string[] }> {
    const { platform, format, target, mainFields } = ESBUILD_SETTINGS;
    const result = await build({
      entryPoints: [join(FUNCTIONS_DIR, entry)], bundle: true, write: false, metafile: true, outdir: tmpdir(), logLevel: 'silent', platform, format, target, mainFields: [...mainFields],
    });
    const [output] = Object.values(result.metafile.outputs);
    return { inputs: Object.keys(result.metafile.inputs), imports: output!.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path) };
  }

  it('load no zod, middy, route schemas or OpenAPI builder, and no node:crypto: what made them slow to start', { timeout: 30_000 }, async () => {
    const heavy = [/node_modules\/zod\//, /node_modules\/@middy\//, /functions\/shared\/(openapi|routes|responses|handler)\b/, /functions\/config\//];
    for (const { entry } of DOCS_ROUTES) {
      const { inputs, imports } = await bundled(entry);
      expect(inputs, entry).toContain(`functions/${entry}`);
      expect(inputs.filter((input) => heavy.some((pattern) => pattern.test(input))), entry).toEqual([]);
      expect(imports, entry).not.toContain('node:crypto');
    }
    // The check sees those modules where they are: an ordinary handler has them all.
    const ordinary = await bundled(routes.getEdition.entry);
    for (const pattern of heavy.slice(0, 2)) expect(ordinary.inputs.some((input) => pattern.test(input)), String(pattern)).toBe(true);
    expect(ordinary.imports).toContain('node:crypto');
  });
});
