/**
 * The OpenAPI 3.1 document, generated from the route table and the zod schemas: nothing about the API is
 * written twice. Schemas registered with an id (domain/schema-kit.ts, named) become components; everything else
 * is inlined.
 */
import * as z from 'zod/mini';
import { PROBLEM_STATUS, type ProblemCode } from '#domain/errors';
import { LOCALES } from '#domain/i18n/catalogues';
import { responseSchemas } from './responses.ts';
import { TAGS, type Access, type ResponseSpec } from './route-spec.ts';
import type { RouteSpec } from './routes.ts';

type Json = Record<string, unknown>;

const COMPONENT_PREFIX = '#/components/schemas/';

/**
 * The response headers, declared once as components and referenced by name. They are the headers a browser script
 * may read (http.ts, CORS_EXPOSE_HEADERS); the handler sets X-Correlation-Id and Content-Language on every answer,
 * problems included.
 */
const HEADERS = {
  'Content-Language': {
    description:
      "The language of the answer's words: labels, readiness messages, and a problem's title, detail and field messages (its `code` and each " +
      "field problem's `path` and `code` are the same in every language). The one Accept-Language asks for, or the one `lang` names where an " +
      'operation takes it.',
    schema: { type: 'string', enum: [...LOCALES] },
  },
  'X-Correlation-Id': {
    description:
      'The id that ties this answer to its log lines: the X-Correlation-Id the request carried (letters, digits and . _ : -, at most 128), else the ' +
      "request's id. Quote it when reporting a problem. The few answers API Gateway makes itself, before any handler (a missing or expired token, " +
      'throttling), carry only its x-amzn-RequestId.',
    schema: { type: 'string' },
  },
  ETag: { description: 'The resource version, for If-Match', schema: { type: 'string' } },
  Location: {
    description:
      "Where the resource is: an absolute path under the API's base path, so it resolves against the URL the request went to: " +
      '/dev/cases/{caseId} on an execute-api stage URL, /cases/{caseId} locally, the base path mapping first on a custom domain.',
    schema: { type: 'string' },
  },
  'Retry-After': {
    description: 'On a 429: how many seconds to wait before trying again.',
    schema: { type: 'integer', minimum: 0 },
  },
} as const;
type HeaderName = keyof typeof HEADERS;

const CORRELATION: HeaderName = 'X-Correlation-Id';
const LANGUAGE: HeaderName = 'Content-Language';

/** The request headers every operation reads, declared once as components. */
const PARAMETERS = {
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description:
      'The language to answer in (RFC 9110, weights honoured): zh, zh-CN, zh-SG and zh-Hans give Simplified Chinese (zh-CN); anything else, or none, ' +
      'English (en). Content-Language says which. The few answers API Gateway makes itself, before any handler (a missing token, throttling), ' +
      'are in English, with the Chinese in their `translations` member. E-mails follow the account\'s preference instead (GET /me/preferences).',
    schema: { type: 'string' },
    example: 'zh-CN,zh;q=0.9,en;q=0.8',
  },
} as const;

const headersOf = (names: HeaderName[]): Json => Object.fromEntries(names.map((n) => [n, { $ref: `#/components/headers/${n}` }]));

function successHeaders(r: ResponseSpec): Json {
  return headersOf([CORRELATION, LANGUAGE, ...(r.etag ? (['ETag'] as const) : []), ...(r.location ? (['Location'] as const) : [])]);
}

/** A response's body: the schema's JSON, a document of another type (CSV, HTML, the OpenAPI document itself), or none (204, 304). */
function contentOf(r: ResponseSpec, components: Json): Json {
  if (r.schema) return { content: { [r.contentType ?? 'application/json']: { schema: schemaOf(r.schema(responseSchemas()), 'output', components) } } };
  if (!r.contentType) return {};
  return { content: { [r.contentType]: { schema: r.contentType.startsWith('application/json') ? { type: 'object' } : { type: 'string' } } } };
}

const WHO: Record<Access, string> = {
  public: 'anyone, without a token',
  'signed-in': 'every signed-in user',
  organisers: 'members of the organisers group',
  reviewers: 'members of the reviewers group',
};

/** Converts a schema and hoists its $defs into `components`, rewriting references to point there. */
function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output', components: Json): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  const { $defs, $schema: _s, ...rest } = json;
  // Input and output shapes of one id can differ (defaults, transforms): keep them apart.
  const nameOf = (id: string) => (io === 'input' && !id.endsWith('Input') ? `${id}Input` : id);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node && typeof node === 'object') {
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? COMPONENT_PREFIX + nameOf(v.slice(8)) : rewrite(v);
      }
      return out;
    }
    return node;
  };
  for (const [id, def] of Object.entries(($defs ?? {}) as Json)) components[nameOf(id)] = rewrite(def);
  return rewrite(rest) as Json;
}

function parametersOf(schema: z.ZodMiniType | undefined, where: 'path' | 'query', components: Json): Json[] {
  if (!schema) return [];
  const json = schemaOf(schema, 'input', components);
  const props = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => ({ name, in: where, required: where === 'path' || required.has(name), schema: s }));
}

const COMMON: ProblemCode[] = ['rate-limited', 'internal-error'];

function problemsFor(route: RouteSpec): ProblemCode[] {
  const codes = new Set<ProblemCode>(COMMON);
  if (route.params || route.query || route.body) codes.add('validation-failed');
  if (route.body) codes.add('payload-too-large');
  if (route.access !== 'public') codes.add('unauthorized');
  if (route.access !== 'public' && route.access !== 'signed-in') codes.add('forbidden');
  for (const c of route.problems) codes.add(c);
  return [...codes];
}

export interface OpenApiOptions {
  title?: string;
  version?: string;
  servers?: { url: string; description?: string }[];
}

export function buildOpenApi(routes: RouteSpec[], options: OpenApiOptions = {}): Json {
  const components: Json = {};
  // Problem is named: converting it hoists it into components and gives back the reference to it.
  const problemRef = schemaOf(responseSchemas().Problem, 'output', components);
  const paths: Record<string, Json> = {};

  for (const route of routes) {
    const responses: Json = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = { description: r.description, headers: successHeaders(r), ...contentOf(r, components) };
    }
    const byStatus = new Map<number, ProblemCode[]>();
    for (const code of problemsFor(route)) byStatus.set(PROBLEM_STATUS[code], [...(byStatus.get(PROBLEM_STATUS[code]) ?? []), code]);
    for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0])) {
      responses[String(status)] = {
        description: `Problem: ${codes.join(', ')}`,
        headers: headersOf([CORRELATION, LANGUAGE, ...(status === 429 ? (['Retry-After'] as const) : [])]),
        content: { 'application/problem+json': { schema: problemRef } },
      };
    }

    const parameters: Json[] = [
      ...parametersOf(route.params, 'path', components),
      ...parametersOf(route.query, 'query', components),
      ...(route.ifMatch
        ? [{ name: 'If-Match', in: 'header', required: false, description: 'The ETag last read; 412 if the resource has changed since', schema: { type: 'string' } }]
        : []),
      { $ref: '#/components/parameters/AcceptLanguage' },
    ];

    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      description: `${route.description}\n\nWho may call: ${WHO[route.access]}.`,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : { 'x-access': route.access }),
      parameters,
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input', components) } } } } : {}),
      responses,
    };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Practice cases API',
      version: options.version ?? '1.0.0',
      description:
        'The backend of a yearly international call for practice cases. Errors are RFC 9457 problem details with a stable `code`. ' +
        'Lists take `limit` (1..100) and `cursor`. Mutable resources carry a `version`, sent as the ETag; send it back in If-Match.',
    },
    ...(options.servers ? { servers: options.servers } : {}),
    security: [{ bearer: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components,
      headers: HEADERS,
      parameters: PARAMETERS,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A Cognito ID token (locally: POST /local/token)' } },
    },
  };
}
