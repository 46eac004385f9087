/**
 * `npm run client`: writes the two files generated from the OpenAPI document. web/src/api/schema.d.ts holds the types of
 * the typed client (web/src/api/client.ts); functions/docs/openapi.generated.ts holds the document that GET /openapi.json
 * serves, so that function builds nothing at cold start. The document is built in-process from the route table; with
 * `--url <…/openapi.json>` the types come from a running server instead (the live document of `npm start`), and the
 * served document still from the route table (a running server serves the committed one). Either way the servers are
 * left out, since they name where the document was served, so the files are the same and a test can compare them with
 * the committed ones (test/unit/shared/openapi-tools.test.ts).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildOpenApi } from '../functions/shared/openapi.ts';
import { ROUTES } from '../functions/shared/routes.ts';

/** The committed types of the client. */
export const SCHEMA_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));
/** The committed document the API serves (functions/docs/openapi.ts adds its servers). */
export const DOCUMENT_FILE = fileURLToPath(new URL('../functions/docs/openapi.generated.ts', import.meta.url));

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

const DOCUMENT_HEADER = `/**
 * The OpenAPI document without servers, generated from the route table by \`npm run client\` (bin/generate-client.ts).
 * Do not edit: npm test fails when this file no longer matches the route table. Serialised JSON in a string rather than
 * an object: a function loads this string literal about three times faster than the same document as an object literal.
 */
`;

/** The module GET /openapi.json serves from, exactly as written to DOCUMENT_FILE. */
export function documentModule(document: Record<string, unknown>): string {
  return `${DOCUMENT_HEADER}export const OPENAPI_JSON = ${JSON.stringify(JSON.stringify(withoutServers(document)))};\n`;
}

async function fetchDocument(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' } } });
  const built = buildOpenApi(ROUTES);
  const document = values.url ? await fetchDocument(values.url) : built;
  await writeFile(SCHEMA_FILE, await clientTypes(document));
  console.log(`Wrote ${SCHEMA_FILE} from ${values.url ?? 'the route table'}`);
  await writeFile(DOCUMENT_FILE, documentModule(built));
  console.log(`Wrote ${DOCUMENT_FILE} from the route table`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
