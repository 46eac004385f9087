/**
 * The local bucket's CORS document: rendered from mediaCorsRules and read back by s3rver's own parser, so the local
 * bucket applies the very rules the CDK bucket gets.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { mediaCorsRules, type MediaCorsRule } from '../../../functions/adapters/bucket-design.ts';
import { corsConfigurationXml } from '../../../lib/local/s3.ts';

/** What s3rver makes of a CORSConfiguration (node_modules/s3rver/lib/models/config.js), typed as far as used here. */
interface ParsedCors {
  rules: { allowedOrigins: RegExp[]; allowedMethods: string[]; allowedHeaders: RegExp[]; exposeHeaders: string[]; maxAgeSeconds: number }[];
  matchRule(origin: string, method: string): unknown;
  rawConfig: { CORSConfiguration: { CORSRule: { ID: string }[] | { ID: string } } };
}
const s3rverConfig = createRequire(import.meta.url)('s3rver/lib/models/config.js') as { getConfigModel(type: 'cors'): { validate(xml: string): ParsedCors } };
const parse = (xml: string) => s3rverConfig.getConfigModel('cors').validate(xml);

const ORIGINS = ['http://localhost:3000', 'http://127.0.0.1:4999'];

describe('corsConfigurationXml', () => {
  it("renders every rule so that s3rver reads back its origins, methods, headers and max age", () => {
    const rules = mediaCorsRules(ORIGINS);
    const parsed = parse(corsConfigurationXml(rules));
    expect(parsed.rules).toHaveLength(rules.length);
    parsed.rules.forEach((got, i) => {
      const want = rules[i]!;
      expect(got.allowedMethods).toEqual(want.allowedMethods);
      expect(got.exposeHeaders).toEqual(want.exposedHeaders);
      expect(got.maxAgeSeconds).toBe(want.maxAgeSeconds);
      for (const origin of ORIGINS) expect(got.allowedOrigins.some((p) => p.test(origin)), origin).toBe(true);
      expect(got.allowedOrigins.some((p) => p.test('https://evil.example'))).toBe(false);
      for (const header of want.allowedHeaders) expect(got.allowedHeaders.some((p) => p.test(header.toLowerCase())), header).toBe(true);
    });
    expect(parsed.matchRule('http://127.0.0.1:4999', 'POST')).toBeDefined();
    expect(parsed.matchRule('http://127.0.0.1:4999', 'PUT')).toBeUndefined();
    expect(parsed.matchRule('http://127.0.0.1:5000', 'GET')).toBeUndefined();
  });

  it('escapes what XML would read as markup', () => {
    const rule: MediaCorsRule = { id: 'a<b>&"c\'', allowedMethods: ['GET'], allowedOrigins: ['http://x.example'], allowedHeaders: ['Range'], exposedHeaders: ['ETag'], maxAgeSeconds: 60 };
    const xml = corsConfigurationXml([rule]);
    expect(xml).not.toContain('a<b>');
    const raw = parse(xml).rawConfig.CORSConfiguration.CORSRule;
    expect((Array.isArray(raw) ? raw[0]! : raw).ID).toBe(rule.id);
  });
});
