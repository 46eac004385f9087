/**
 * The files the API reference page loads, served by GET /docs/assets/{file} from the API itself: Swagger UI from the
 * swagger-ui-dist package and two small files of our own (client/). No CDN, so the page works offline and under a
 * strict content security policy. This list is the one declaration: the handler serves exactly these names, and the
 * function construct (lib/constructs/api.ts) copies exactly these files into that route's Lambda package.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import swaggerUi from 'swagger-ui-dist/package.json' with { type: 'json' };

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Where a file comes from: the package (versioned by it) or functions/docs/client/ (ours, changing with each deploy). */
type Source = 'swagger-ui-dist' | 'own';

/**
 * The standalone preset and its top bar are left out (the page shows one document, no URL box); swagger-ui-bundle.js is
 * about 1.8 MB, well inside the 6 MB a synchronous Lambda answer may carry.
 */
export const DOCS_ASSETS: Readonly<Record<string, { source: Source; contentType: string }>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, { source: Source; contentType: string }>, {
    'swagger-ui-bundle.js': { source: 'swagger-ui-dist', contentType: JS },
    'swagger-ui.css': { source: 'swagger-ui-dist', contentType: CSS },
    'docs.js': { source: 'own', contentType: JS },
    'docs.css': { source: 'own', contentType: CSS },
  }),
);

/** The allow-list check: an own key only, so '__proto__', 'constructor' or '../x' are simply not there. */
export const isDocsAsset = (name: string): boolean => Object.hasOwn(DOCS_ASSETS, name);

/** Which route serves them (its function alone gets the files). */
export const DOCS_ASSET_ROUTE = 'getDocsAsset';

/** The environment variable naming the folder the files were copied to in the Lambda package; unset locally. */
export const DOCS_ASSETS_DIR_VARIABLE = 'DOCS_ASSETS_DIR';

/** The swagger-ui-dist version: a URL that carries it names one immutable file. */
export const SWAGGER_UI_VERSION: string = swaggerUi.version;

/** The package's files carry its version (?v=), so they may be cached for good; ours do not. */
export const versionOf = (name: string): string | undefined => (DOCS_ASSETS[name]?.source === 'swagger-ui-dist' ? SWAGGER_UI_VERSION : undefined);

/** The asset's URL relative to the /docs page (no leading slash, so it stays under a stage path such as /dev). */
export function assetHref(name: string): string {
  const version = versionOf(name);
  return `docs/assets/${name}${version ? `?v=${encodeURIComponent(version)}` : ''}`;
}

/** Where the file is in this project: node_modules for the package's, functions/docs/client/ for ours. */
export function sourcePathOf(name: string): string {
  const asset = DOCS_ASSETS[name];
  if (!asset) throw new Error(`${name} is not a docs asset`);
  const dir =
    asset.source === 'own'
      ? fileURLToPath(new URL('./client/', import.meta.url))
      : dirname(createRequire(import.meta.url).resolve(`${asset.source}/package.json`));
  return join(dir, name);
}
