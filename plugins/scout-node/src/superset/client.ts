/**
 * Rison, the URL notation of Superset's `?q=` arguments, for the plain
 * values we send (objects, arrays, strings, numbers, booleans).
 */
export function rison(value: unknown): string {
  if (value === null || value === undefined) return '!n';
  if (value === true) return '!t';
  if (value === false) return '!f';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    return /^[A-Za-z_][A-Za-z0-9_./~-]*$/.test(value)
      ? value
      : `'${value.replace(/[!']/g, c => `!${c}`)}'`;
  }
  if (Array.isArray(value)) return `!(${value.map(rison).join(',')})`;
  if (typeof value === 'object') {
    return `(${Object.entries(value)
      .map(([k, v]) => `${rison(k)}:${rison(v)}`)
      .join(',')})`;
  }
  throw new Error(`rison: cannot encode ${typeof value}`);
}

// POSTs that change nothing in Superset, so a second try is harmless.
const STATELESS_POSTS = new Set([
  '/api/v1/security/login',
  '/api/v1/security/guest_token/',
]);

/**
 * fetch, tried a second time when the connection was closed under the
 * request (undici's UND_ERR_SOCKET, "other side closed"): a server that
 * ends idle keep-alive connections sooner than Node's 4 s (gunicorn's
 * default is 2 s) closes the one a request is just reusing. Only reads and
 * STATELESS_POSTS are tried again; a write's error reaches the caller.
 */
async function fetchReconnecting(
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const code = ((error as Error).cause as { code?: string } | undefined)
      ?.code;
    // The path after Superset's own base path, if it is served under one.
    const { pathname } = new URL(url);
    const harmless =
      (init.method ?? 'GET') === 'GET' ||
      [...STATELESS_POSTS].some(path => pathname.endsWith(path));
    if (!harmless || code !== 'UND_ERR_SOCKET') throw error;
    return fetch(url, init);
  }
}

/** An answer of Superset's other than 2xx: method, path, status and what it said. */
export class SupersetApiError extends Error {
  name = 'SupersetApiError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`Superset ${method} ${path}: ${status} ${body.slice(0, 500)}`);
  }
}

/** The calls the provisioner makes; a fake implements it in tests. */
export interface SupersetApi {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
}

/**
 * Superset's REST API as one user: a bearer token from /security/login,
 * and for writes the CSRF token with the session cookie it belongs to and
 * a Referer (Flask-WTF checks all three).
 */
export class SupersetClient implements SupersetApi {
  readonly #url: string;
  readonly #token: string;
  #csrf?: { token: string; cookie: string };

  private constructor(url: string, token: string) {
    this.#url = url.replace(/\/$/, '');
    this.#token = token;
  }

  /** Signs in with Superset's database provider; throws saying whether Superset did not answer or refused. */
  static async login(
    url: string,
    account: { username: string; password: string },
  ): Promise<SupersetClient> {
    const response = await fetchReconnecting(`${url}/api/v1/security/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...account, provider: 'db', refresh: false }),
    }).catch((error: Error) => {
      throw new Error(
        `no Superset answers at ${url} (${error.message}); start it with ./scripts/yarn scout stack up postgres superset`,
      );
    });
    if (!response.ok) {
      throw new SupersetApiError(
        'POST',
        '/api/v1/security/login',
        response.status,
        `${await response.text()} (as ${account.username})`,
      );
    }
    const { access_token: token } = (await response.json()) as {
      access_token: string;
    };
    return new SupersetClient(url, token);
  }

  get url(): string {
    return this.#url;
  }

  async get<T>(path: string): Promise<T> {
    return this.#call<T>('GET', path);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.#call<T>('POST', path, body);
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return this.#call<T>('PUT', path, body);
  }

  async #csrfHeaders(): Promise<Record<string, string>> {
    if (!this.#csrf) {
      const response = await fetchReconnecting(
        `${this.#url}/api/v1/security/csrf_token/`,
        { headers: { authorization: `Bearer ${this.#token}` } },
      );
      if (!response.ok) {
        throw new SupersetApiError(
          'GET',
          '/api/v1/security/csrf_token/',
          response.status,
          await response.text(),
        );
      }
      const { result } = (await response.json()) as { result: string };
      this.#csrf = {
        token: result,
        cookie: (response.headers.get('set-cookie') ?? '').split(';')[0],
      };
    }
    return {
      'x-csrftoken': this.#csrf.token,
      cookie: this.#csrf.cookie,
      referer: this.#url,
    };
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.#token}`,
      accept: 'application/json',
    };
    if (body !== undefined) {
      Object.assign(headers, await this.#csrfHeaders(), {
        'content-type': 'application/json',
      });
    }
    const response = await fetchReconnecting(`${this.#url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new SupersetApiError(method, path, response.status, text);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** An object of a list endpoint: its fields, with the id. */
export type Row = Record<string, unknown> & { id: number };

/** One of Superset's JSON-in-a-string fields, parsed (the text when it is not JSON). */
export function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || !text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One chart's rows through POST /api/v1/chart/data with its saved query context. */
export async function chartData(
  api: SupersetApi,
  chartId: number,
): Promise<{ rowcount: number; data: Record<string, unknown>[] }> {
  const { result } = await api.get<{ result: { query_context: string } }>(
    `/api/v1/chart/${chartId}`,
  );
  const context = JSON.parse(result.query_context) as Record<string, unknown>;
  const answer = await api.post<{
    result: { rowcount: number; data: Record<string, unknown>[] }[];
  }>('/api/v1/chart/data', {
    ...context,
    form_data: {
      ...(context.form_data as Record<string, unknown>),
      slice_id: chartId,
    },
  });
  return answer.result[0];
}
