/**
 * GET /docs/assets/{file}: a file of the reference page (functions/docs/assets.ts), read once per cold start from the
 * folder the function construct copied them to (DOCS_ASSETS_DIR), or locally from the project itself.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { loadEnv } from '#config/env';
import { AppError } from '#domain/errors';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/docs';
import { DOCS_ASSETS, DOCS_ASSETS_DIR_VARIABLE, isDocsAsset, sourcePathOf, versionOf } from './assets.ts';

const bundledDir = loadEnv({ [DOCS_ASSETS_DIR_VARIABLE]: z.optional(z.string()) })[DOCS_ASSETS_DIR_VARIABLE];

/** A year, for a URL that names one version of a file; five minutes (then revalidated by ETag) for any other. */
const FOREVER = 'public, max-age=31536000, immutable';
const BRIEFLY = 'public, max-age=300';

const files = new Map<string, Promise<{ text: string; etag: string }>>();

function load(name: string) {
  let file = files.get(name);
  if (!file) {
    file = readFile(bundledDir ? join(bundledDir, name) : sourcePathOf(name), 'utf8').then((text) => ({
      text,
      etag: `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`,
    }));
    // A failed read is not kept: the next request tries again.
    file.catch(() => files.delete(name));
    files.set(name, file);
  }
  return file;
}

export const handler = httpHandler(routes.docsAsset, async ({ params, query, headers }) => {
  if (!isDocsAsset(params.file)) throw new AppError('not-found', 'There is no such file of the API reference.');
  const { text, etag } = await load(params.file);
  const version = versionOf(params.file);
  const cache = { etag, 'cache-control': version !== undefined && query.v === version ? FOREVER : BRIEFLY };
  if (headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return { status: 304, headers: cache };
  return { status: 200, headers: cache, raw: { contentType: DOCS_ASSETS[params.file]!.contentType, text } };
});
