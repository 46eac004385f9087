import { describe, expect, it } from 'vitest';
import { buildOpenApi } from '#shared/openapi';
import { renderDocs } from '#shared/docs-html';
import { ROUTES } from '#shared/routes';

const doc = buildOpenApi(ROUTES) as { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, unknown> } };

describe('OpenAPI document', () => {
  it('has every route of the route table, once, with its operationId', () => {
    for (const r of ROUTES) expect(doc.paths[r.path]?.[r.method.toLowerCase()]?.operationId).toBe(r.operationId);
    const ops = Object.values(doc.paths).flatMap((m) => Object.values(m));
    expect(ops).toHaveLength(ROUTES.length);
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(doc.components.schemas, r).toHaveProperty(r);
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('documents the auth problems only on routes that need a token, and If-Match where it is read', () => {
    const patch = doc.paths['/cases/{caseId}']!.patch!;
    expect(Object.keys(patch.responses as object)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '409', '412', '422', '429']));
    expect((patch.parameters as { name: string }[]).map((p) => p.name)).toEqual(['caseId', 'If-Match']);
    const list = doc.paths['/editions']!.get!;
    expect(list.security).toEqual([]);
    expect(list.responses).not.toHaveProperty('401');
  });

  it('renders as HTML with every operation', () => {
    const html = renderDocs(doc);
    for (const r of ROUTES) expect(html).toContain(`id="${r.operationId}"`);
    expect(html).not.toContain('<script');
  });
});
