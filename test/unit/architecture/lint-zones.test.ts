/**
 * The import zones of eslint.config.js, tested on small snippets placed (by file path) in each layer: every forbidden
 * import is reported, by alias and by relative path, and the allowed ones are not. `npm run lint` applies the same
 * zones to the real tree, so a violation fails `npm test`.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: ROOT });
  // The first lint loads the config and the TypeScript parser.
  await eslint.lintText('export {};\n', { filePath: resolve(ROOT, 'functions/domain/probe.ts') });
}, 60_000);

/** The no-restricted-imports reports for `source`, linted as if it were the file at `path` (relative to the root). */
async function zoneReports(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(ROOT, path) });
  const fatal = result!.messages.filter((m) => m.fatal);
  expect(fatal, `${path} does not parse`).toEqual([]);
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const importing = (specifier: string) => `import { thing } from '${specifier}';\nexport const used = thing;\n`;

interface Zone {
  /** A file in the zone (it need not exist). */
  file: string;
  forbidden: string[];
  allowed: string[];
}

const zones: Record<string, Zone> = {
  domain: {
    file: 'functions/domain/probe.ts',
    forbidden: [
      '#adapters/cases-repo',
      '../adapters/cases-repo.ts',
      '#use-cases/submit-case',
      '../use-cases/submit-case.ts',
      '#shared/logger',
      '../shared/logger.ts',
      '../../functions/shared/http.ts',
      '#config/env',
      '../config/env.ts',
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/lib-dynamodb',
    ],
    allowed: ['./vocabulary.ts', '#domain/errors', 'zod/mini'],
  },
  adapters: {
    file: 'functions/adapters/probe.ts',
    forbidden: [
      '#use-cases/submit-case',
      '../use-cases/submit-case.ts',
      '#shared/logger',
      '../shared/logger.ts',
      '../cases/submit-case.ts',
      '../notifications/send-notification.ts',
      '../../functions/editions/close-edition.ts',
    ],
    allowed: ['./table.ts', '#domain/case', '../domain/case.ts', '#config/env', '../config/env.ts', '@aws-sdk/lib-dynamodb'],
  },
  'use cases': {
    file: 'functions/use-cases/probe.ts',
    forbidden: ['#shared/http', '../shared/http.ts', '../cases/submit-case.ts', '../reviews/put-my-review.ts'],
    allowed: ['./deadline.ts', '#domain/case', '../domain/rules.ts', '#adapters/cases-repo', '../adapters/cases-repo.ts', '#config/env'],
  },
  handlers: {
    file: 'functions/cases/probe.ts',
    forbidden: ['#adapters/table-design', '../adapters/table-design.ts', '#adapters/entities', '#adapters/entities/case', '../adapters/entity-case.ts'],
    allowed: ['#adapters/cases-repo', '#use-cases/submit-case', '#shared/handler', '#domain/case', '#config/env', './contact-verification.ts'],
  },
};

describe.each(Object.entries(zones))('the %s zone', (_name, zone) => {
  it.each(zone.forbidden)(`reports an import of %s`, async (specifier) => {
    expect(await zoneReports(zone.file, importing(specifier))).toHaveLength(1);
  });

  it('reports a type-only import as well', async () => {
    const source = `import type { Thing } from '${zone.forbidden[0]}';\nexport type Used = Thing;\n`;
    expect(await zoneReports(zone.file, source)).toHaveLength(1);
  });

  it('lets the allowed imports through', async () => {
    for (const specifier of zone.allowed) expect(await zoneReports(zone.file, importing(specifier)), specifier).toEqual([]);
  });
});

describe('outside the zones', () => {
  it('applies the handlers zone to every handler folder, and none to shared (which may still import adapters)', async () => {
    expect(await zoneReports('functions/notifications/probe.ts', importing('#adapters/table-design'))).toHaveLength(1);
    expect(await zoneReports('functions/shared/probe.ts', importing('#adapters/table-design'))).toEqual([]);
  });

  it('says why an import is refused', async () => {
    const [message] = await zoneReports('functions/domain/probe.ts', importing('@aws-sdk/client-s3'));
    expect(message).toContain('The domain talks to no AWS service');
  });
});
