/**
 * The local HTTP server: serves every route of the route table by building the API Gateway proxy event
 * and calling the same handler module that Lambda runs. It plays API Gateway's part too: the Cognito
 * authorizer (local tokens), the 10 MB body limit, unknown routes, CORS and problem-shaped gateway errors.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { AppError, type ProblemCode } from '../../functions/domain/errors.ts';
import type { Message } from '../../functions/domain/i18n/catalogues.ts';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS, fixedProblemBody } from '../../functions/shared/http.ts';
import type { RouteSpec } from '../../functions/shared/routes.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../bundling.ts';
import { devCorsOrigins } from '../stage-config.ts';
import { compileRoutes, lambdaContext, proxyEvent } from './events.ts';
import { authorizerClaims, verifyToken } from './tokens.ts';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A route only the local server has (tokens, the outbox). */
export interface LocalRoute {
  method: string;
  path: string;
  handle(body: unknown, url: URL): Promise<{ status: number; body: unknown }>;
}

export interface LocalServerOptions {
  port: number;
  host?: string;
  routes: RouteSpec[];
  /** The browser origins answered with CORS headers and let into /local/*: the dev stage's corsOrigins by default. */
  corsOrigins?: string[];
  functionsDir: string;
  secret: Buffer;
  localRoutes?: LocalRoute[];
  log?: (line: string) => void;
}

/** API Gateway's payload limit. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

/** Where every local listener binds unless HOST says otherwise: nothing on the network reaches it. */
export const LOOPBACK = '127.0.0.1';

/** The address a client on this machine connects to, for a listener bound to `host`. */
export const reachableHost = (host: string): string => (host === '0.0.0.0' || host === '::' ? LOOPBACK : host.includes(':') ? `[${host}]` : host);

const CORS_COMMON = {
  'access-control-allow-headers': CORS_ALLOW_HEADERS.join(',').toLowerCase(),
  'access-control-allow-methods': 'GET,POST,PUT,PATCH,DELETE,OPTIONS',
  'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(',').toLowerCase(),
};

/** The CORS headers of the server's own answers, as API Gateway gives them: only for an allowed origin. */
const corsFor = (origin: string | undefined, allowed: Set<string>): Record<string, string> =>
  origin && allowed.has(origin) ? { 'access-control-allow-origin': origin, ...CORS_COMMON, vary: 'Origin' } : { vary: 'Origin' };

/** The server's own answers (preflight, gateway errors, local routes) carry CORS headers as API Gateway's do; handlers add their own. */
function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string, cors: Record<string, string> = {}) {
  res.writeHead(status, { ...cors, ...headers });
  res.end(body);
}

/** What API Gateway answers itself (api.ts, addGatewayResponses): English, the other languages in `translations`. */
function sendProblem(res: ServerResponse, code: ProblemCode, detail: Message | undefined, cors: Record<string, string>) {
  const p = fixedProblemBody(code, detail);
  send(res, p.status, { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': 'en' }, JSON.stringify(p), cors);
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A page this server itself serves (the docs page's local sign-in), reached on a loopback name. A page of another site
 * that has its name resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host and Origin, and is still refused.
 */
function isOwnLoopbackOrigin(req: IncomingMessage, origin: string): boolean {
  const host = req.headers.host;
  if (host === undefined || origin !== `http://${host}`) return false;
  return LOOPBACK_NAMES.has(new URL(origin).hostname);
}

/**
 * Why a request to /local/* (tokens for any role, the outbox) is refused, if it is: a web page the developer visits
 * must not reach them. A foreign Origin is refused outright; a POST must be JSON, which no page can send to
 * another origin without a preflight (that the foreign origin fails).
 */
function localRouteRefusal(req: IncomingMessage, allowed: Set<string>): [ProblemCode, Message] | undefined {
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.has(origin) && !isOwnLoopbackOrigin(req, origin)) return ['forbidden', { key: 'detail.local-origin-refused', params: { origin } }];
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (req.method === 'POST' && type !== 'application/json') return ['validation-failed', { key: 'detail.local-json-only' }];
  return undefined;
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createLocalServer(opts: LocalServerOptions): Server {
  const matcher = compileRoutes(opts.routes);
  const handlers = new Map<string, Promise<Handler>>();
  const load = (route: RouteSpec) => {
    let h = handlers.get(route.entry);
    if (!h) {
      h = import(pathToFileURL(join(opts.functionsDir, route.entry)).href).then((m: { handler: Handler }) => m.handler);
      handlers.set(route.entry, h);
    }
    return h;
  };

  const allowed = new Set(opts.corsOrigins ?? devCorsOrigins());
  return createServer(async (req, res) => {
    const started = Date.now();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = corsFor(req.headers.origin, allowed);
    try {
      if (method === 'OPTIONS') {
        // A preflight's answer is cached for as long as API Gateway lets it be.
        const maxAge: Record<string, string> = cors['access-control-allow-origin'] ? { 'access-control-max-age': String(CORS_MAX_AGE_SECONDS) } : {};
        return send(res, 204, maxAge, '', cors);
      }
      const body = await readBody(req);
      if (body === 'too-large') return sendProblem(res, 'payload-too-large', { key: 'detail.request-too-large' }, cors);

      const local = opts.localRoutes?.find((r) => r.method === method && r.path === url.pathname);
      if (local) {
        const refusal = localRouteRefusal(req, allowed);
        if (refusal) return sendProblem(res, ...refusal, cors);
        let parsed: unknown = {};
        if (body.length) {
          try {
            parsed = JSON.parse(body.toString('utf8'));
          } catch {
            return sendProblem(res, 'validation-failed', { key: 'detail.invalid-json' }, cors);
          }
        }
        const out = await local.handle(parsed, url);
        // The local routes speak English only, their problems with `translations` as API Gateway's own answers.
        return send(res, out.status, { 'content-type': 'application/json; charset=utf-8', 'content-language': 'en' }, JSON.stringify(out.body), cors);
      }

      const matched = matcher.match(method, url.pathname);
      if (matched === undefined || matched === 'method-not-allowed') {
        // API Gateway answers an unknown path or method alike; the deployed API maps it to 404 too.
        return sendProblem(res, 'not-found', { key: 'detail.no-route.local', params: { method, path: url.pathname } }, cors);
      }

      // The authorizer: a non-public route needs a valid token before the function is called at all.
      let claims: Record<string, string> | undefined;
      const auth = req.headers.authorization;
      const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
      if (matched.route.access !== 'public') {
        const verified = bearer ? verifyToken(bearer, opts.secret) : undefined;
        if (!verified) return sendProblem(res, 'unauthorized', { key: 'detail.unauthorized' }, cors);
        claims = authorizerClaims(verified);
      }

      const event = proxyEvent({ matched, method, path: url.pathname, query: url.searchParams, headers: req.headers, body, claims, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' });
      const handler = await load(matched.route);
      const result = await handler(event, lambdaContext(matched.route.operationId, FUNCTION_TIMEOUT_SECONDS * 1000));
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(result.headers ?? {})) headers[k] = String(v);
      const payload = result.isBase64Encoded ? Buffer.from(result.body, 'base64').toString('latin1') : result.body;
      send(res, result.statusCode, headers, payload);
      opts.log?.(`${method} ${url.pathname} ${result.statusCode} ${Date.now() - started}ms`);
    } catch (err) {
      // What API Gateway would answer for a crashed integration, with no detail leaked.
      opts.log?.(`${method} ${url.pathname} failed: ${(err as Error).stack ?? String(err)}`);
      if (!res.headersSent) sendProblem(res, err instanceof AppError ? err.code : 'internal-error', undefined, cors);
    }
  });
}

/** Listens on `host`, the loopback address unless given: a local server is never on the network by accident. */
export function listen(server: Server, port: number, host: string = LOOPBACK): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address();
      resolve(addr && typeof addr === 'object' ? addr.port : port);
    });
  });
}
