import { describe, expect, it } from 'vitest';
import { CORS_EXPOSE_HEADERS } from '#shared/http';
import { buildOpenApi } from '#shared/openapi';
import { TAGS } from '#shared/route-spec';
import { ROUTES } from '#shared/routes';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  description?: string;
  tags: string[];
  parameters?: { name?: string; $ref?: string }[];
  responses: Record<string, { headers?: Record<string, { $ref?: string }>; content?: Json }>;
  security?: unknown[];
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  tags?: { name: string; description?: string }[];
  servers?: { url: string }[];
  components: { schemas: Record<string, Json>; headers?: Record<string, Json>; parameters?: Record<string, { name?: string; in?: string }> };
}

const doc = buildOpenApi(ROUTES) as unknown as Doc;
const operations = Object.values(doc.paths).flatMap((m) => Object.values(m));
const routeOf = (op: Operation) => ROUTES.find((r) => r.operationId === op.operationId)!;

/** The schema a $ref names, or the node itself. */
const deref = (node: Json): Json => (typeof node.$ref === 'string' ? doc.components.schemas[node.$ref.split('/').pop()!]! : node);

describe('OpenAPI document', () => {
  it('has every route of the route table, once, with its operationId', () => {
    for (const r of ROUTES) expect(doc.paths[r.path]?.[r.method.toLowerCase()]?.operationId).toBe(r.operationId);
    expect(operations).toHaveLength(ROUTES.length);
  });

  it('resolves every $ref to a component', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(schemas|headers)\/([^"]+)"/g)].map((m) => [m[1] as 'schemas' | 'headers', m[2]!] as const);
    expect(refs.length).toBeGreaterThan(0);
    for (const [kind, name] of refs) expect(doc.components[kind], name).toHaveProperty([name]);
    expect(JSON.stringify(doc)).not.toContain('#/$defs/');
  });

  it('holds every component itself, never a reference to itself', () => {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect(schema.$ref, name).not.toBe(`#/components/schemas/${name}`);
      expect(Object.keys(schema).filter((k) => k !== 'description').length, name).toBeGreaterThan(0);
    }
    const problem = doc.components.schemas.Problem!;
    expect(problem.type).toBe('object');
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code']));
  });

  it('documents the auth problems only on routes that need a token, and If-Match where it is read', () => {
    const patch = doc.paths['/cases/{caseId}']!.patch!;
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '404', '409', '412', '422', '429']));
    expect(patch.parameters!.map((p) => p.name ?? p.$ref)).toEqual(['caseId', 'If-Match', '#/components/parameters/AcceptLanguage']);
    const list = doc.paths['/editions']!.get!;
    expect(list.security).toEqual([]);
    expect(list.responses).not.toHaveProperty('401');
  });

  it('declares each tag once, with a description, and files every operation under a declared tag', () => {
    expect(doc.tags?.map((t) => t.name)).toEqual(Object.keys(TAGS));
    for (const t of doc.tags ?? []) expect(t.description, t.name).toMatch(/\w{3,}/);
    for (const op of operations) expect(Object.keys(TAGS), op.operationId).toContain(op.tags[0]);
  });

  it('describes every operation, saying who may call it', () => {
    for (const op of operations) {
      expect(op.description, op.operationId).toContain(routeOf(op).description);
      expect(op.description, op.operationId).toMatch(/Who may call: /);
    }
    expect(doc.paths['/editions/{editionId}/cases']!.get!.description).toContain('organisers group');
    expect(doc.paths['/editions']!.get!.description).toContain('without a token');
  });

  it('declares the readable response headers once, and X-Correlation-Id and Content-Language on every answer, problems included', () => {
    expect(Object.keys(doc.components.headers ?? {}).sort()).toEqual([...CORS_EXPOSE_HEADERS].sort());
    for (const op of operations) {
      for (const [status, response] of Object.entries(op.responses)) {
        expect(response.headers?.['X-Correlation-Id']?.$ref, `${op.operationId} ${status}`).toBe('#/components/headers/X-Correlation-Id');
        expect(response.headers?.['Content-Language']?.$ref, `${op.operationId} ${status}`).toBe('#/components/headers/Content-Language');
      }
    }
  });

  it('lets every operation take Accept-Language, declared once', () => {
    expect(doc.components.parameters?.AcceptLanguage).toMatchObject({ name: 'Accept-Language', in: 'header' });
    for (const op of operations) expect(op.parameters?.map((p) => p.$ref), op.operationId).toContain('#/components/parameters/AcceptLanguage');
  });

  it('declares Location on exactly the responses whose route sends one, and ETag on those that send the version', () => {
    const withHeader = (name: string) =>
      operations.flatMap((op) => Object.entries(op.responses).filter(([, r]) => r.headers?.[name]).map(([status]) => `${op.operationId} ${status}`)).sort();
    const declared = (key: 'location' | 'etag') =>
      ROUTES.flatMap((r) => Object.entries(r.responses).filter(([, spec]) => spec[key]).map(([status]) => `${r.operationId} ${status}`)).sort();
    expect(withHeader('Location')).toEqual(declared('location'));
    // The handlers of these answers set a Location (test/unit/handlers): keep the document in step with them.
    expect(withHeader('Location')).toEqual(['createAttachment 201', 'createCase 201', 'startNotifications 202']);
    expect(withHeader('ETag')).toEqual(declared('etag'));
    expect(withHeader('ETag')).toContain('getCase 200');
  });

  it('gives every instant the API sends format date-time', () => {
    const INSTANT = /(At|^deadline|Deadline|^at)$/;
    const found: string[] = [];
    const visit = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const properties = (node as Json).properties as Record<string, Json> | undefined;
      for (const [key, value] of Object.entries(properties ?? {})) {
        if (!INSTANT.test(key)) continue;
        found.push(`${where}.${key}`);
        const options = Array.isArray(value.anyOf) ? (value.anyOf as Json[]).filter((v) => v.type !== 'null') : [value];
        for (const o of options) expect(deref(o).format, `${where}.${key}`).toBe('date-time');
      }
      for (const [key, value] of Object.entries(node)) visit(value, `${where}.${key}`);
    };
    // Output components only: what requests carry is validated, and keeps its own description.
    for (const [name, schema] of Object.entries(doc.components.schemas)) if (!name.endsWith('Input')) visit(schema, name);
    expect(found).toEqual(expect.arrayContaining(['Case.createdAt', 'Edition.deadline', 'Edition.materialsDeadline', 'Attachment.createdAt', 'AuditEntry.at']));
  });

  it('names the servers it is given, and none otherwise', () => {
    const served = buildOpenApi(ROUTES, { servers: [{ url: 'http://localhost:3000' }] }) as unknown as Doc;
    expect(served.servers).toEqual([{ url: 'http://localhost:3000' }]);
    expect(doc).not.toHaveProperty('servers');
  });
});
