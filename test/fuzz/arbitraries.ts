/**
 * Generators of requests for one route of the route table: the caller, the path parameters, the query
 * string, the body and a few headers. Half the requests are of the valid flavour: every part drawn from
 * the route's own zod schemas (through their JSON Schema), steered by hints towards values the domain
 * accepts (real ids, country codes, time zones, instants near now), so that they reach the use cases. The
 * other half are broken: junk, unicode, very long and path-traversal ids, wrong query types, forged
 * cursors, unknown keys, mutated bodies (a field dropped, replaced by junk, or added), invalid JSON,
 * non-object JSON, deep nesting, oversized bodies.
 */
import fc from 'fast-check';
import * as z from 'zod/mini';
import type { RouteSpec } from '../../functions/shared/routes.ts';
import { COUNTRY_CODES } from '../../functions/domain/countries.ts';
import { EDITION_ID_PATTERN } from '../../functions/domain/ids.ts';

type Json = Record<string, unknown>;

export const CALLERS = ['anonymous', 'forged', 'applicant', 'owner', 'reviewer', 'organiser'] as const;
export type CallerName = (typeof CALLERS)[number];

export interface ParamValue {
  value: string;
  /** Put in the path as is instead of percent-encoded: slashes, dots and the like then reach the router. */
  raw: boolean;
}

/** Bodies that are too big to print in a counterexample are described, and built when sent. */
export type BodySpec =
  | { kind: 'text'; text: string }
  | { kind: 'huge'; bytes: number }
  | { kind: 'nested'; depth: number; open: string; close: string };

export interface FuzzRequest {
  caller: CallerName;
  /** Which forged Authorization header, when caller is 'forged'. */
  forgery: number;
  params: Record<string, ParamValue>;
  query: { pairs: [string, string][]; junk: string };
  body: BodySpec | undefined;
  headers: Record<string, string>;
}

/** The ids one caller draws from: live arrays, so that ids created during the run are drawn too. */
export interface CallerPools {
  editions: string[];
  cases: string[];
  /** The cases this caller has most to do with (their own, their assignments): drawn more often. */
  favourites: string[];
  /** caseId/attachmentId pairs. */
  attachments: string[];
}

export interface GenContext {
  pools: (caller: CallerName) => CallerPools;
  subs: string[];
  /** nextCursor values seen in answers so far, by operationId (live). */
  cursors: Map<string, string[]>;
  /** Cursors built to reach other partitions or break the decoder. */
  forgedCursors: string[];
}

// ---------- ids ----------

/**
 * Unicode strings, one arbitrary per length range: fast-check builds a reverse map of every code point the
 * first time such an arbitrary shrinks or seeds its "dangerous strings" (__proto__, constructor…), which
 * takes a while, so instances are shared.
 */
const graphemeArbs = new Map<string, fc.Arbitrary<string>>();
function graphemes(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const key = `${minLength}-${maxLength}`;
  let arb = graphemeArbs.get(key);
  if (!arb) graphemeArbs.set(key, (arb = fc.string({ unit: 'grapheme', minLength, maxLength })));
  return arb;
}

/** Picks from a live array when the value is generated; shrinks towards its first element. */
const fromPool = (pool: string[], empty: string) => fc.nat({ max: 10_000 }).map((i) => (pool.length ? pool[i % pool.length]! : empty));

const junkStrings = fc.constantFrom(
  '..', '.', '../..', '../../etc/passwd', '..%2F..', '%2e%2e', '/', 'a/b', '%00', '\u0000', ' ', '%', '%zz', '%E0%A4%A', '*', '?', '#',
  'null', 'undefined', '[object Object]', '{"$gt":""}', "' OR '1'='1", 'CASE#x', 'EDITION#2024', 'REVIEWER#x', '__proto__', 'constructor',
  '２０２４', '٢٠٢٤', '\u202Eevil', '🙂', 'ｅｄｉｔｉｏｎ', 'e\u0301', '\uFEFF2024', '-1', '0', '1e309', 'NaN', 'true', '',
);

/** Strings no id looks like: junk, unicode, very long. */
export const malformed = fc.oneof(
  { weight: 4, arbitrary: junkStrings },
  { weight: 2, arbitrary: graphemes(0, 40) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 27, max: 4000 }).map((n) => 'A'.repeat(n)) },
);

/** A valid id bent slightly out of shape. */
const bent = (valid: fc.Arbitrary<string>) =>
  fc.tuple(valid, fc.constantFrom('lower', 'space', 'suffix', 'cut', 'dots', 'double')).map(([v, how]) => {
    switch (how) {
      case 'lower': return v.toLowerCase();
      case 'space': return ` ${v} `;
      case 'suffix': return `${v}/x`;
      case 'cut': return v.slice(0, -1);
      case 'dots': return `${v}/..`;
      default: return v + v;
    }
  });

const ULID_ARB = fc.ulid();
// Built once: some of these are slow to build.
const WEB_URL = fc.webUrl();
const EMAIL = fc.emailAddress();
const BASE64 = fc.base64String({ maxLength: 200 });
const FILE_STEM = fc.stringMatching(/^[\p{L}\p{N}_-][\p{L}\p{N} _.-]{0,30}$/u);
const JSON_VALUE = fc.jsonValue({ maxDepth: 2 });
const SUB_ARB = fc.stringMatching(/^[A-Za-z0-9._@:+-]{1,128}$/);
const EDITION_ARB = fc.stringMatching(EDITION_ID_PATTERN);

/** A known id (valid flavour: mostly), a well-formed unknown one, or (broken flavour) junk and bent ids too. */
function idArb(known: fc.Arbitrary<string>, unknown: fc.Arbitrary<string>, valid: boolean): fc.Arbitrary<string> {
  if (valid) return fc.oneof({ weight: 9, arbitrary: known }, { weight: 1, arbitrary: unknown });
  return fc.oneof({ weight: 4, arbitrary: known }, { weight: 2, arbitrary: unknown }, { weight: 4, arbitrary: malformed }, { weight: 2, arbitrary: bent(known) });
}

/** A case id: the caller's favourites more often (all cases while they have none). */
const caseIdArb = (p: CallerPools, valid: boolean) => {
  const favourite = fc.nat({ max: 10_000 }).map((i) => {
    const pool = p.favourites.length ? p.favourites : p.cases;
    return pool[i % pool.length] ?? 'none';
  });
  return idArb(fc.oneof({ weight: 3, arbitrary: favourite }, { weight: 2, arbitrary: fromPool(p.cases, 'none') }), ULID_ARB, valid);
};

function paramArb(name: string, ctx: GenContext, caller: CallerName, valid: boolean): fc.Arbitrary<string> {
  const p = ctx.pools(caller);
  switch (name) {
    case 'editionId': return idArb(fromPool(p.editions, 'none'), EDITION_ARB, valid);
    case 'caseId': return caseIdArb(p, valid);
    case 'attachmentId': return idArb(fromPool(p.attachments, 'none/none').map((pair) => pair.split('/')[1]!), ULID_ARB, valid);
    case 'sub': return idArb(fromPool(ctx.subs, 'none'), SUB_ARB, valid);
    default: return fc.oneof(malformed, graphemes(0, 40));
  }
}

/** Path parameters; a case's attachment is usually addressed under its own case. */
function paramsArb(route: RouteSpec, ctx: GenContext, caller: CallerName, valid: boolean): fc.Arbitrary<Record<string, ParamValue>> {
  const raw = valid ? fc.constant(false) : fc.integer({ min: 0, max: 5 }).map((n) => n === 5); // shrinks towards encoded
  const model: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const name of paramNames(route)) model[name] = fc.record({ value: paramArb(name, ctx, caller, valid), raw });
  const independent = fc.record(model);
  if (!('attachmentId' in model)) return independent;
  const paired = fc.tuple(independent, fromPool(ctx.pools(caller).attachments, 'none/none')).map(([params, pair]) => {
    const [caseId, attachmentId] = pair.split('/') as [string, string];
    return { ...params, caseId: { value: caseId, raw: false }, attachmentId: { value: attachmentId, raw: false } };
  });
  return fc.oneof({ weight: valid ? 3 : 1, arbitrary: paired }, { weight: 1, arbitrary: independent });
}

export const paramNames = (route: RouteSpec): string[] => [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

// ---------- JSON Schema → arbitrary ----------

export type Hints = Record<string, fc.Arbitrary<unknown>>;

const DAY_S = 86_400;
/** Instants: near now (so that windows and deadlines make sense); when not strict, edge cases too. */
const instant = (strict: boolean) => {
  const near = fc.integer({ min: -40 * DAY_S, max: 60 * DAY_S }).map((s) => new Date(Date.now() + s * 1000));
  const good = fc.oneof({ weight: 4, arbitrary: near.map((d) => d.toISOString()) }, { weight: 1, arbitrary: near.map((d) => d.toISOString().replace('Z', '+00:00')) });
  if (strict) return good;
  return fc.oneof(
    { weight: 4, arbitrary: good },
    { weight: 1, arbitrary: fc.constantFrom('1970-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', '2024-02-29T24:00:00Z', '2024-06-20T16:00:00', '2024-06-20', '+275760-09-13T00:00:00Z') },
  );
};

function stringArb(s: Json, strict: boolean): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : 300;
  const ordinary = graphemes(Math.max(min, 1), Math.min(max, 60));
  if (strict) return ordinary.filter((x) => x.trim().length >= Math.max(min, 1));
  // Boundaries: exactly the longest allowed, one more, blank (trimmed to nothing).
  return fc.oneof({ weight: 6, arbitrary: ordinary }, { weight: 1, arbitrary: fc.constantFrom('x'.repeat(max), 'y'.repeat(max + 1), '   ', '\t\n') });
}

/**
 * An arbitrary for a JSON Schema as zod's toJSONSchema writes it. Hints replace the schema of a property
 * by name (`name[]` for the items of an array property). `strict` keeps to values the schema accepts;
 * otherwise boundary and off-by-one values are mixed in.
 */
export function fromJsonSchema(schema: Json, hints: Hints, strict: boolean, defs: Json = {}, key?: string): fc.Arbitrary<unknown> {
  if (key !== undefined && hints[key]) return hints[key]!;
  const localDefs = { ...defs, ...((schema.$defs as Json | undefined) ?? {}) };
  const sub = (s: Json, k?: string) => fromJsonSchema(s, hints, strict, localDefs, k);
  if (typeof schema.$ref === 'string') {
    const target = localDefs[schema.$ref.replace('#/$defs/', '')] as Json | undefined;
    return target ? sub(target, key) : JSON_VALUE;
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((a) => sub(a, key)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, s] of Object.entries(props)) model[name] = sub(s, name);
      const record = fc.record(model, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
      return strict && 'opensAt' in props && 'deadline' in props ? record.map(inOrder) : record;
    }
    case 'array': {
      const items = sub((schema.items ?? {}) as Json, key === undefined ? undefined : `${key}[]`);
      const maxItems = typeof schema.maxItems === 'number' ? schema.maxItems : 10;
      const ordinary = fc.array(items, { maxLength: Math.min(maxItems, 5) });
      return strict ? ordinary : fc.oneof({ weight: 9, arbitrary: ordinary }, { weight: 1, arbitrary: fc.array(items, { minLength: maxItems + 1, maxLength: maxItems + 1 }) });
    }
    case 'string': {
      if (schema.format === 'date-time') return instant(strict);
      if (schema.format === 'uri') {
        const good = fc.tuple(fc.constantFrom('https', 'http'), fc.stringMatching(/^[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?\.(?:org|com|cn|ke)$/), fc.stringMatching(/^(?:\/[a-z0-9_-]{1,10}){0,3}$/)).map(([p, h, path]) => `${p}://${h}${path}`);
        return strict ? good : fc.oneof(good, WEB_URL, fc.constantFrom('javascript:alert(1)', 'ftp://example.org/x', 'http://localhost', 'https://', 'not a url', 'https://127.0.0.1/'));
      }
      if (schema.format === 'email') {
        const good = fc.stringMatching(/^[a-z][a-z0-9.+_-]{0,20}[a-z0-9]@[a-z]{1,10}\.(?:org|com|cn)$/).filter((e) => !e.includes('..'));
        return strict ? good : fc.oneof(good, EMAIL, fc.constantFrom('a@b', '@example.org', 'x@example.org\n', 'x'.repeat(250) + '@example.org'));
      }
      if (typeof schema.pattern === 'string') {
        const good = fc.stringMatching(new RegExp(schema.pattern));
        return strict ? good : fc.oneof({ weight: 4, arbitrary: good }, { weight: 1, arbitrary: stringArb(schema, false) });
      }
      return stringArb(schema, strict);
    }
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
      const max = Math.min(typeof schema.maximum === 'number' ? schema.maximum : 1000, Number.MAX_SAFE_INTEGER);
      const ordinary = fc.integer({ min, max });
      return strict ? ordinary : fc.oneof({ weight: 6, arbitrary: ordinary }, { weight: 1, arbitrary: fc.constantFrom(min - 1, max + 1, min + 0.5) });
    }
    case 'number': return fc.double();
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    default: return JSON_VALUE;
  }
}

/** An edition's instants in the order the schema demands (opensAt < deadline < materialsDeadline), a cross-field rule JSON Schema cannot say. */
function inOrder(v: unknown): unknown {
  const o = { ...(v as Record<string, unknown>) };
  const names = ['opensAt', 'deadline', 'materialsDeadline'].filter((k) => typeof o[k] === 'string');
  const sorted = names.map((k) => o[k] as string).sort((a, b) => Date.parse(a) - Date.parse(b));
  names.forEach((k, i) => (o[k] = sorted[i]));
  return o;
}

const jsonSchemas = new WeakMap<object, Json>();
export function jsonSchemaOf(schema: z.ZodMiniType): Json {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    jsonSchemas.set(schema, json);
  }
  return json;
}

const CODES = [...COUNTRY_CODES].slice(0, 60);
const MiB = 1024 * 1024;

/** Arbitraries are built once per route, part, caller and strictness (building some is slow); pools stay live. */
const built = new Map<string, fc.Arbitrary<unknown>>();
function schemaArb(route: RouteSpec, part: 'query' | 'body', ctx: GenContext, caller: CallerName, strict: boolean): fc.Arbitrary<unknown> {
  const key = `${route.operationId}|${part}|${caller}|${strict}`;
  let arb = built.get(key);
  if (!arb) {
    arb = fromJsonSchema(jsonSchemaOf(route[part]!), hintsFor(route, ctx, caller, strict), strict);
    built.set(key, arb);
  }
  return arb;
}

/** Domain knowledge the JSON Schema does not carry: refinements (country codes, zones), realistic sizes and names. */
function hintsFor(route: RouteSpec, ctx: GenContext, caller: CallerName, strict: boolean): Hints {
  const p = ctx.pools(caller);
  const pick = <T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => (strict ? good : fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: bad }));
  const country = pick(fc.constantFrom(...CODES), fc.constantFrom('cn', 'XX', 'ZZ', 'CHN', '', 'C'));
  return {
    timeZone: pick(fc.constantFrom('Asia/Shanghai', 'Europe/Vienna', 'UTC', 'America/Argentina/Buenos_Aires', 'Etc/GMT+12'), fc.constantFrom('Not/AZone', 'asia/shanghai', '', 'x'.repeat(65), 'Local')),
    country,
    countries: pick(fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 5 }), fc.array(country, { maxLength: 4 })),
    'countries[]': country,
    implementedOn: pick(fc.integer({ min: 2005, max: 2030 }).map((y) => `${y}-06-15`), fc.constantFrom('2015-12-31', '2016-01-01', '2023-02-29', '2024-02-29', '16-01-01')),
    caseId: caseIdArb(p, true),
    sub: idArb(fromPool(ctx.subs, 'none'), SUB_ARB, true),
    cursor: cursorArb(route, ctx, strict),
    fileName: pick(
      fc.tuple(FILE_STEM, fc.constantFrom('.pdf', '.jpg', '.png', '.mp4', '')).map(([n, ext]) => n + ext),
      fc.constantFrom('..', '.', 'a/b.pdf', 'a\\b.pdf', 'tab\there.pdf', ' ', 'x'.repeat(256), '報告.pdf', '\u202Egpj.exe'),
    ),
    size: pick(fc.integer({ min: 1, max: 20 * MiB }), fc.constantFrom(0, -1, 1.5, 20 * MiB + 1, 200 * MiB, 2048 * MiB, 2048 * MiB + 1, Number.MAX_SAFE_INTEGER, 1e308)),
  };
}

// ---------- query strings ----------

function cursorArb(route: RouteSpec, ctx: GenContext, strict: boolean): fc.Arbitrary<string> {
  const own = ctx.cursors.get(route.operationId) ?? [];
  if (!ctx.cursors.has(route.operationId)) ctx.cursors.set(route.operationId, own);
  const others = fc.nat().map((i) => {
    const all = [...ctx.cursors.values()].flat();
    return all.length ? all[i % all.length]! : '';
  });
  // '' stands for "no cursor yet": the valid flavour then sends none.
  if (strict) return fromPool(own, '');
  return fc.oneof(
    { weight: 3, arbitrary: fromPool(own, '') },
    { weight: 2, arbitrary: others },
    { weight: 3, arbitrary: fromPool(ctx.forgedCursors, 'e30') },
    { weight: 1, arbitrary: BASE64 },
    { weight: 1, arbitrary: malformed },
    { weight: 1, arbitrary: fc.constantFrom('x'.repeat(2049), 'e'.repeat(2048)) },
  );
}

const queryJunkValues = fc.oneof(
  fc.constantFrom('-1', '0', '101', '1e3', '1.5', 'abc', '', ' 5', '0x10', '９', 'Infinity', 'NaN', '99999999999999999999', '25 ', '[]', '{}', 'true'),
  malformed,
);

function queryArb(route: RouteSpec, ctx: GenContext, caller: CallerName, valid: boolean) {
  const fromSchema = (strict: boolean) =>
    route.query
      ? schemaArb(route, 'query', ctx, caller, strict).map((v) =>
          Object.entries(v as Json).filter(([k, x]) => !(k === 'cursor' && x === '')).map(([k, x]) => [k, String(x)] as [string, string]),
        )
      : fc.constant([] as [string, string][]);
  if (valid) return fc.record({ pairs: fc.oneof(fc.constant([] as [string, string][]), fromSchema(true), fromSchema(true)), junk: fc.constant('') });

  const schemaKeys = route.query ? Object.keys((jsonSchemaOf(route.query).properties ?? {}) as Json) : [];
  const keyArb = fc.oneof(
    { weight: 3, arbitrary: schemaKeys.length ? fc.constantFrom(...schemaKeys) : fc.constant('limit') },
    { weight: 1, arbitrary: fc.constantFrom('unknown', 'LIMIT', 'limit[]', '__proto__', 'constructor', 'toString', 'editionId', 'caseId', 'sort', '') },
    { weight: 1, arbitrary: graphemes(0, 10) },
  );
  const broken = fc.array(fc.tuple(keyArb, queryJunkValues), { minLength: 1, maxLength: 4 });
  const junk = fc.oneof({ weight: 6, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('&&', '&=', '&%', '&%zz=1', '&a=%E0%A4%A', '&+', '&limit', '&limit=1&limit=2') });
  return fc.record({
    pairs: fc.oneof(
      { weight: 1, arbitrary: fc.constant([] as [string, string][]) },
      { weight: route.query ? 3 : 0, arbitrary: fromSchema(false) },
      { weight: 3, arbitrary: broken },
      { weight: route.query ? 2 : 0, arbitrary: fc.tuple(fromSchema(true), broken).map(([a, b]) => [...a, ...b]) },
    ),
    junk,
  });
}

// ---------- bodies ----------

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: JSON_VALUE },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e-308, '', ' ', '\u0000', [], {}, [null], { $gt: '' }, 'x'.repeat(2001), 'y'.repeat(20_001)) },
  { weight: 2, arbitrary: graphemes(0, 30) },
);

/** Every path into a JSON value, the root included. */
function pathsOf(v: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...at, k]));
  return out;
}

type Mutation = 'drop' | 'replace' | 'extra' | 'wrap';

/** A value broken in one place: a field dropped, replaced by junk, or joined by an unknown one; or wrapped in an array. */
function mutate(value: unknown, pick: number, junk: unknown, how: Mutation): unknown {
  if (how === 'wrap') return [value];
  const copy = structuredClone(value);
  const paths = pathsOf(copy);
  const path = paths[pick % paths.length]!;
  if (path.length === 0) return how === 'extra' && copy && typeof copy === 'object' && !Array.isArray(copy) ? { ...copy, [`unexpected${pick % 7}`]: junk } : junk;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], copy) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (how === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (how === 'replace') parent[last] = junk;
  else if (Array.isArray(parent)) parent.push(junk);
  else parent[`unexpected${pick % 7}`] = junk;
  return copy;
}

const text = (t: string): BodySpec => ({ kind: 'text', text: t });

const invalidJson = fc.oneof(
  fc.constantFrom('{', '{"a":}', "{'a':1}", 'undefined', 'NaN', '{"a":1}garbage', '"unterminated', '{"a":1,}', '[1,2', '\uFEFF{}', '{"title":"\uD800"}', '\u0000', 'true false', '{"a":1}{"b":2}', ' '),
  graphemes(0, 40).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);

const hostileJson = fc.constantFrom(
  '{"__proto__":{"polluted":true,"groups":["organisers"]}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"title":"a","title":"b"}',
  '{"scores":{"__proto__":{"innovation":10}}}',
  '{"toString":"x","valueOf":1,"hasOwnProperty":null}',
);

function bodyArb(route: RouteSpec, ctx: GenContext, caller: CallerName, valid: boolean): fc.Arbitrary<BodySpec | undefined> {
  if (route.method === 'GET') return fc.constant(undefined);
  const fromSchema = (strict: boolean) => schemaArb(route, 'body', ctx, caller, strict);
  if (valid) return route.body ? fromSchema(true).map((v) => text(JSON.stringify(v))) : fc.constant(undefined);
  if (!route.body) {
    return fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junkValue.map((v) => text(JSON.stringify(v))) }, { weight: 1, arbitrary: invalidJson.map(text) });
  }
  const mutated = fc
    .tuple(fromSchema(true), fc.nat(), junkValue, fc.constantFrom<Mutation>('drop', 'replace', 'replace', 'extra', 'wrap'))
    .map(([v, pick, junk, how]) => mutate(v, pick, junk, how));
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(undefined, text('')) },
    { weight: 3, arbitrary: fromSchema(false).map((v) => text(JSON.stringify(v))) },
    { weight: 6, arbitrary: mutated.map((v) => text(JSON.stringify(v))) },
    { weight: 1, arbitrary: junkValue.map((v) => text(JSON.stringify(v))) },
    { weight: 1, arbitrary: invalidJson.map(text) },
    { weight: 1, arbitrary: hostileJson.map(text) },
    { weight: 1, arbitrary: fc.record({ depth: fc.constantFrom(100, 5000, 200_000), open: fc.constantFrom('[', '{"a":') }).map(({ depth, open }): BodySpec => ({ kind: 'nested', depth, open, close: open === '[' ? ']' : '}' })) },
    // Just over the functions' 256 KiB limit, mostly; now and then over API Gateway's 10 MB.
    { weight: 1, arbitrary: fc.constantFrom(300_000, 300_000, 300_000, 10_500_000).map((bytes): BodySpec => ({ kind: 'huge', bytes })) },
  );
}

export function bodyText(spec: BodySpec | undefined): string | undefined {
  if (!spec) return undefined;
  switch (spec.kind) {
    case 'text': return spec.text;
    case 'huge': return JSON.stringify({ title: 'x'.repeat(spec.bytes) });
    case 'nested': return spec.open.repeat(spec.depth) + '1' + spec.close.repeat(spec.depth);
  }
}

// ---------- headers ----------

const headerArbs = new Map<string, fc.Arbitrary<Record<string, string>>>();
function headersArb(route: RouteSpec, hasBody: boolean, valid: boolean): fc.Arbitrary<Record<string, string>> {
  const key = `${route.operationId}|${hasBody}|${valid}`;
  let arb = headerArbs.get(key);
  if (!arb) headerArbs.set(key, (arb = buildHeadersArb(route, hasBody, valid)));
  return arb;
}

/**
 * Accept-Language values and the language each must be answered in (RFC 9110 weights; zh, zh-CN, zh-SG and zh-Hans are
 * Simplified Chinese, anything else English): written out here, not computed by the negotiation under test. None: '',
 * and the header is left out.
 */
export const ACCEPT_LANGUAGES: Readonly<Record<string, 'en' | 'zh-CN'>> = {
  '': 'en',
  en: 'en',
  zh: 'zh-CN',
  'zh-CN': 'zh-CN',
  'zh-CN;q=0.9': 'zh-CN',
  'zh-Hans-CN': 'zh-CN',
  'zh-SG, en;q=0.5': 'zh-CN',
  fr: 'en',
  'zh-TW': 'en',
  'zh-HK, zh;q=0.8': 'zh-CN',
  'en-US,en;q=0.9,zh-CN;q=0.8': 'en',
  'fr;q=1, zh;q=0.4': 'zh-CN',
  'zh;q=0, en': 'en',
  'zh-CN;q=0': 'en',
  '*': 'en',
  'zh;q=2': 'en',
  'garbage;;;': 'en',
};

/** `arb` about one time in `every`, otherwise `none`. */
const sometimes = <T, N>(arb: fc.Arbitrary<T>, every: number, none: N) => fc.oneof({ weight: every - 1, arbitrary: fc.constant(none) }, { weight: 1, arbitrary: arb });

function buildHeadersArb(route: RouteSpec, hasBody: boolean, valid: boolean): fc.Arbitrary<Record<string, string>> {
  const tags = valid
    ? fc.constantFrom('*', '"1"', '"2"', '"3"', 'W/"2"')
    : fc.constantFrom('*', '"1"', 'W/"1"', '"2"', 'garbage', '""', '"999999999999999"', '"9999999999999999999"', '"-1"', '"1", "2"');
  const ifMatch = route.ifMatch ? sometimes(tags, valid ? 4 : 2, undefined) : fc.constant(undefined);
  const contentType = !hasBody
    ? fc.constant(undefined)
    : valid
      ? fc.constant('application/json')
      : fc.constantFrom('application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=iso-8859-1');
  const origin = sometimes(fc.constantFrom('https://evil.example', 'null'), 8, undefined);
  // Header names that are also names of Object.prototype's properties, and headers a proxy would add.
  const extra = valid
    ? fc.constant({})
    : sometimes(fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'x-forwarded-for', 'x-amzn-trace-id', 'x-http-method-override'), fc.constantFrom('1', 'GET', '127.0.0.1', ''), { minKeys: 1, maxKeys: 2 }), 4, {});
  const language = fc.constantFrom(...Object.keys(ACCEPT_LANGUAGES));
  return fc.tuple(ifMatch, contentType, origin, extra, language).map(([m, ct, o, x, l]) => ({
    ...x,
    ...(m === undefined ? {} : { 'if-match': m }),
    ...(ct ? { 'content-type': ct } : {}),
    ...(o ? { origin: o } : {}),
    ...(l ? { 'accept-language': l } : {}),
  }));
}

// ---------- whole requests ----------

/** Callers weighted towards the ones the route serves, so that most requests get past the role check. */
function callerWeights(route: RouteSpec): Record<CallerName, number> {
  switch (route.access) {
    case 'organisers': return { anonymous: 1, forged: 1, applicant: 1, owner: 1, reviewer: 1, organiser: 6 };
    case 'reviewers': return { anonymous: 1, forged: 1, applicant: 1, owner: 1, reviewer: 6, organiser: 1 };
    case 'signed-in': return { anonymous: 1, forged: 1, applicant: 2, owner: 6, reviewer: 2, organiser: 2 };
    default: return { anonymous: 3, forged: 1, applicant: 1, owner: 1, reviewer: 1, organiser: 1 };
  }
}

export function requestArb(route: RouteSpec, ctx: GenContext): fc.Arbitrary<FuzzRequest> {
  const weights = callerWeights(route);
  const caller = fc.oneof(...CALLERS.map((c) => ({ weight: weights[c], arbitrary: fc.constant(c) })));
  // Built once per caller and flavour (building arbitraries is slow; drawing from them is not).
  const inner = new Map<string, fc.Arbitrary<FuzzRequest>>();
  const build = (who: CallerName, valid: boolean) =>
    fc
      .record({
        caller: fc.constant(who),
        forgery: fc.nat({ max: 100 }),
        params: paramsArb(route, ctx, who, valid),
        query: queryArb(route, ctx, who, valid),
        body: bodyArb(route, ctx, who, valid),
      })
      .chain((r) => headersArb(route, r.body !== undefined, valid).map((headers) => ({ ...r, headers })));
  // Valid flavour: every part drawn from the valid generators (the domain may still refuse it); broken: any mix.
  return fc.tuple(caller, fc.boolean().map((b) => !b)).chain(([who, valid]) => {
    const key = `${who}|${valid}`;
    let arb = inner.get(key);
    if (!arb) inner.set(key, (arb = build(who, valid)));
    return arb;
  });
}

// ---------- materialising a request ----------

/** Percent-encodes any string, lone surrogates included (as U+FFFD, which is what a client would send). */
const enc = (s: string) => encodeURIComponent(s.toWellFormed());

export function pathOf(route: RouteSpec, req: FuzzRequest): string {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = req.params[name]!;
    return p.raw ? p.value.toWellFormed() : enc(p.value);
  });
  const query = req.query.pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&') + req.query.junk;
  return query ? `${path}?${query}` : path;
}
