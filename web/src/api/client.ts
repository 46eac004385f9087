/**
 * The typed client of the API: openapi-fetch over the types generated from the OpenAPI document (schema.d.ts,
 * `npm run client`). Paths, parameters, bodies and answers are checked by the compiler, so a change of the contract
 * that breaks a caller fails `npm test` (it type-checks web/).
 *
 *   const api = createApiClient({ baseUrl: 'http://localhost:3000', token: () => session.idToken });
 *   const edition = await ok(api.GET('/editions/{editionId}', { params: { path: { editionId: '2024' } } }));
 */
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type ApiClient = Client<paths>;
/** The bodies the API sends and takes, by component name (Case, Attachment, Problem, AttachmentInput ...). */
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

/** A bearer token, or where to get the current one (called before each request, so a refreshed token is used). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);

export interface ApiClientOptions {
  /**
   * The API's base URL, stage included: https://<id>.execute-api.<region>.amazonaws.com/dev, a custom domain, or
   * http://localhost:3000 for `npm start`. Location headers are absolute paths under it (/dev/cases/… on a stage URL).
   */
  baseUrl: string;
  /** The Cognito ID token (locally: POST /local/token). Without one only the public routes answer. */
  token?: TokenSource;
  /** Another fetch, for tests or instrumentation. */
  fetch?: (request: Request) => Promise<Response>;
}

function bearer(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === 'string' ? token : await token();
      if (value) request.headers.set('Authorization', `Bearer ${value}`);
      return request;
    },
  };
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  if (options.token !== undefined) client.use(bearer(options.token));
  return client;
}

/**
 * An answer that is not a success: the RFC 9457 problem (its `code` is stable; `errors` lists field problems by path)
 * and the correlation id to quote when reporting it.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;
  readonly correlationId: string | null;
  /** On a 429: how long to wait before trying again (Retry-After), when the answer says. */
  readonly retryAfterSeconds: number | undefined;

  constructor(response: Response, problem: Problem | undefined) {
    super(problem ? `${problem.status} ${problem.code}: ${problem.detail ?? problem.title}` : `${response.status} ${response.statusText}`);
    this.name = 'ApiProblem';
    this.status = response.status;
    this.problem = problem;
    this.correlationId = response.headers.get('X-Correlation-Id');
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    this.retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string' && typeof (body as { status?: unknown }).status === 'number';

/** The body of a success, or an ApiProblem thrown. */
export async function ok<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (!response.ok) throw new ApiProblem(response, isProblem(error) ? error : undefined);
  return data as T;
}
