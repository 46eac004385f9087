import * as table from './table-io.ts';

/** BatchGetItem's limit on keys per request. */
const BATCH_GET_MAX = 100;

/**
 * Items by key in as few round trips as BatchGetItem allows (100 keys each, in parallel), retrying what
 * DynamoDB leaves unprocessed with backoff. Missing items are simply absent from the answer.
 */
export async function batchGet(keys: Record<string, string>[], consistent = false): Promise<Record<string, unknown>[]> {
  const chunks: Record<string, string>[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_MAX) chunks.push(keys.slice(i, i + BATCH_GET_MAX));
  const found = await Promise.all(chunks.map((chunk) => batchGetChunk(chunk, consistent)));
  return found.flat();
}

async function batchGetChunk(keys: Record<string, unknown>[], consistent: boolean): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0 && attempt < 5; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * 2 ** attempt));
    const out = await table.batchGet(pending, consistent);
    found.push(...out.items);
    pending = out.unprocessed;
  }
  if (pending.length) throw new Error('BatchGet left keys unprocessed after retries');
  return found;
}
