/**
 * The local API as a browser test's set-up calls it, around what the pages do: JSON in and out, people signed by
 * POST /local/token. `base` is read at each call, since the environment starts in beforeAll.
 */
export interface TestPerson {
  sub: string;
  email: string;
  token: string;
}

export interface ApiAnswer {
  status: number;
  json: Record<string, unknown>;
  headers: Headers;
}

export function setUpApi(base: () => string) {
  async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown>, headers: res.headers };
  }

  /** The answer's body; a failure throws with what the API said. */
  async function ok(method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await call(method, path, token, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  /** Someone with a token: `<sub>@example.org`, in `groups`. */
  async function person(sub: string, groups: string[] = []): Promise<TestPerson> {
    const email = `${sub}@example.org`;
    const { token } = await ok('POST', '/local/token', undefined, { sub, email, groups });
    return { sub, email, token: String(token) };
  }

  return { call, ok, person };
}
