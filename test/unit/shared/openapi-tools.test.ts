/**
 * The document through the tools that consume it: Redocly CLI's lint (redocly.yaml) and openapi-typescript, whose
 * output is the committed web/src/api/schema.d.ts that the typed client (web/src/api) is checked against; and the
 * committed copy GET /openapi.json serves (functions/docs/openapi.generated.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '#shared/openapi';
import { ROUTES } from '#shared/routes';
import { clientTypes, DOCUMENT_FILE, documentModule, SCHEMA_FILE } from '../../../bin/generate-client.ts';

const STAGE_URL = 'https://abc123defg.execute-api.eu-west-1.amazonaws.com/dev';
const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location?: { pointer?: string }[];
}

/** Redocly's verdict on `document`, offline: no telemetry, no update check. */
function lint(document: unknown, ...extra: string[]): { errors: LintProblem[]; warnings: LintProblem[] } {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(document));
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', '--format=json', `--config=${join(ROOT, 'redocly.yaml')}`, ...extra, file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    timeout: 60_000,
  });
  let report: { problems: LintProblem[] };
  try {
    report = JSON.parse(run.stdout) as { problems: LintProblem[] };
  } catch {
    throw new Error(`redocly lint gave no report (exit ${run.status}):\n${run.stderr.slice(-2000)}`);
  }
  return { errors: report.problems.filter((p) => p.severity === 'error'), warnings: report.problems.filter((p) => p.severity === 'warn') };
}

const show = (problems: LintProblem[]) => problems.map((p) => `${p.ruleId} at ${p.location?.[0]?.pointer ?? '?'}: ${p.message}`).join('\n');

describe('the OpenAPI document in the tools', () => {
  it('passes Redocly lint with the recommended rules, served from a base URL', { timeout: 60_000 }, () => {
    // A stage URL: the rule no-server-example.com warns about localhost, which is right for a published document.
    const { errors, warnings } = lint(buildOpenApi(ROUTES, { servers: [{ url: STAGE_URL }] }));
    expect(errors, show(errors)).toEqual([]);
    // The only warning left: the project states no licence (info-license), which is its owner's to choose.
    expect(warnings.map((w) => w.ruleId), show(warnings)).toEqual(['info-license']);
  });

  it('passes Redocly lint without servers too, where clients resolve it against the URL it came from', { timeout: 60_000 }, () => {
    const { errors } = lint(buildOpenApi(ROUTES), '--skip-rule=no-empty-servers');
    expect(errors, show(errors)).toEqual([]);
  });

  it('fails the lint on a broken document, so the checks above can fail', { timeout: 60_000 }, () => {
    const document = buildOpenApi(ROUTES, { servers: [{ url: STAGE_URL }] }) as { components: { schemas: Record<string, unknown> } };
    delete document.components.schemas.Case;
    const { errors } = lint(document);
    expect(errors.map((e) => e.ruleId)).toContain('no-unresolved-refs');
  });

  it('matches the committed client types (web/src/api/schema.d.ts); else run npm run client', { timeout: 60_000 }, async () => {
    const generated = await clientTypes(buildOpenApi(ROUTES));
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === generated, `${SCHEMA_FILE} is stale: run npm run client`).toBe(true);
    // The servers a live document names (npm run client -- --url …) do not change the types.
    expect(await clientTypes(buildOpenApi(ROUTES, { servers: [{ url: 'http://localhost:3000' }] }))).toBe(generated);
  });

  it('matches the committed document the API serves (functions/docs/openapi.generated.ts); else run npm run client', async () => {
    const generated = documentModule(buildOpenApi(ROUTES));
    expect(readFileSync(DOCUMENT_FILE, 'utf8') === generated, `${DOCUMENT_FILE} is stale: run npm run client`).toBe(true);
    // What the module holds is the document itself, without servers (the handler adds the caller's).
    const { OPENAPI_JSON } = (await import(DOCUMENT_FILE)) as { OPENAPI_JSON: string };
    expect(JSON.parse(OPENAPI_JSON)).toEqual(buildOpenApi(ROUTES));
    expect(documentModule(buildOpenApi(ROUTES, { servers: [{ url: STAGE_URL }] }))).toBe(generated);
  });

  it('type-checks the typed client (web/) against those types', { timeout: 120_000 }, () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(ROOT, 'web')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
  });
});
