/**
 * `npm run client`: writes web/src/api/schema.d.ts, the types of the typed client (web/src/api/client.ts), from the
 * OpenAPI document. By default the document is built in-process from the route table; with `--url <…/openapi.json>`
 * it is fetched from a running server (the live document of `npm start`). Either way the servers are left out, since
 * they name where the document was served, so the file is the same and a test can compare it with the committed one
 * (test/unit/shared/openapi-tools.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildOpenApi } from '../functions/shared/openapi.ts';
import { ROUTES } from '../functions/shared/routes.ts';

/** The committed types of the client. */
export const SCHEMA_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));

const HEADER = `/**
 * The types of the API, generated from its OpenAPI document by \`npm run client\` (bin/generate-client.ts) with
 * openapi-typescript. Do not edit: npm test fails when this file no longer matches the document.
 */

`;

/** The document as the generator reads it: without servers. */
function withoutServers(document: Record<string, unknown>): OpenAPI3 {
  const { servers: _servers, ...rest } = document;
  return rest as unknown as OpenAPI3;
}

/** The TypeScript declarations of `document` (paths, components, operations), exactly as written to SCHEMA_FILE. */
export async function clientTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(withoutServers(document), { silent: true });
  return HEADER + astToString(ast);
}

async function fetchDocument(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  const document = values.url ? await fetchDocument(values.url) : buildOpenApi(ROUTES);
  await writeFile(SCHEMA_FILE, await clientTypes(document));
  console.log(`Wrote ${SCHEMA_FILE} from ${values.url ?? 'the route table'}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
