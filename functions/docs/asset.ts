/**
 * GET /docs/assets/{file}: a file of the reference page (functions/docs/assets.ts), read once per cold start from the
 * folder the function construct copied them to (DOCS_ASSETS_DIR), or locally from the project itself.
 */
import { join } from 'node:path';
import { AppError } from '#domain/errors';
import { DOCS_ASSET_VERSION_MAX } from '#domain/limits';
import { staticHandler, unknownQueryFields } from '#shared/static-handler';
import { DOCS_ASSETS, DOCS_ASSETS_DIR_VARIABLE, isDocsAsset, sourcePathOf, versionOf } from './assets.ts';

const bundledDir = process.env[DOCS_ASSETS_DIR_VARIABLE];

/** A year, for a URL that names one version of a file; five minutes (then revalidated by ETag) for any other. */
const FOREVER = 'public, max-age=31536000, immutable';
const BRIEFLY = 'public, max-age=300';

const files = new Map<string, Promise<{ text: string; etag: string }>>();

/**
 * Reads and hashes a file once. The bytes are hashed, not the text: the same ETag, without encoding 1.8 MB of text back
 * to UTF-8. node:crypto and node:fs/promises are taken when the first file is read, not imported: loading node:crypto
 * alone takes about 10 ms, more than the rest of this function's start together.
 */
function load(name: string) {
  let file = files.get(name);
  if (!file) {
    const { readFile } = process.getBuiltinModule('node:fs/promises');
    const { createHash } = process.getBuiltinModule('node:crypto');
    file = readFile(bundledDir ? join(bundledDir, name) : sourcePathOf(name)).then((bytes) => ({
      text: bytes.toString('utf8'),
      etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
    }));
    // A failed read is not kept: the next request tries again.
    file.catch(() => files.delete(name));
    files.set(name, file);
  }
  return file;
}

/**
 * The query the route declares (shared/routes/docs.ts: `v` only, at most DOCS_ASSET_VERSION_MAX long), checked here
 * without loading its zod schema; the problems have the codes validation gives every other route.
 */
export function assetVersionAsked(query: Readonly<Record<string, string>>): string | undefined {
  const errors = unknownQueryFields(query, ['v']);
  const v = Object.hasOwn(query, 'v') ? query.v : undefined;
  if (v !== undefined && v.length > DOCS_ASSET_VERSION_MAX) errors.push({ path: 'query.v', code: 'too-long', message: { key: 'field.at-most-characters', params: { max: DOCS_ASSET_VERSION_MAX } } });
  if (errors.length) throw new AppError('validation-failed', 'detail.invalid-query', errors);
  return v;
}

export const handler = staticHandler(async ({ params, query, headers }) => {
  const version = assetVersionAsked(query);
  const file = params.file ?? '';
  if (!isDocsAsset(file)) throw new AppError('not-found', 'detail.docs-not-found');
  const { text, etag } = await load(file);
  const served = versionOf(file);
  const cache = { etag, 'cache-control': served !== undefined && version === served ? FOREVER : BRIEFLY };
  if (headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return { status: 304, headers: cache };
  return { status: 200, headers: cache, raw: { contentType: DOCS_ASSETS[file]!.contentType, text } };
});
