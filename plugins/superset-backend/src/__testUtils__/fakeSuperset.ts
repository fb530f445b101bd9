import {
  SupersetApiError,
  type SupersetApi,
} from '@internal/backstage-plugin-scout-node';

/** A JWT-shaped guest token whose payload carries what was asked, and exp. */
export function fakeGuestToken(body: unknown, exp: number): string {
  const part = (value: unknown) =>
    Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part({ ...(body as object), exp })}.sig`;
}

/**
 * Superset's answers to the GETs SupersetDashboards makes: two dashboards,
 * the first embedded with two datasets, the second not embedded (an error).
 */
export function supersetAnswers(): Record<string, unknown> {
  return {
    '/api/v1/dashboard/?q=(columns:!(id),page_size:100)': {
      result: [{ id: 1 }, { id: 2 }],
    },
    '/api/v1/dashboard/1/embedded': { result: { uuid: 'uuid-store' } },
    '/api/v1/dashboard/1': {
      result: {
        slug: 'store-performance',
        dashboard_title: 'Store performance',
        position_json: JSON.stringify({
          'MARKDOWN-description': { meta: { code: 'Daily revenue.\n' } },
        }),
      },
    },
    '/api/v1/dashboard/1/datasets': {
      result: [
        { id: 11, schema: 'gold', table_name: 'gold_daily_store_sales' },
        { id: 12, schema: 'gold', table_name: 'gold_basket_metrics' },
      ],
    },
    '/api/v1/dashboard/2/embedded': new SupersetApiError(
      'GET',
      '/api/v1/dashboard/2/embedded',
      404,
      '{"message":"Not found"}',
    ),
  };
}

/**
 * Superset's answers to the calls SupersetDashboards makes, for two
 * dashboards (one embedded) with their datasets; records the guest-token
 * requests. `answer` overrides a path's answer (an error to throw, or a body).
 */
export function fakeSuperset(exp = 1_900_000_000) {
  const guestTokens: unknown[] = [];
  const calls: string[] = [];
  const answer = new Map<string, unknown>();
  const routes = supersetAnswers();
  const reply = (path: string) => {
    calls.push(path);
    const value = answer.has(path) ? answer.get(path) : routes[path];
    if (value instanceof Error) return Promise.reject(value);
    if (value === undefined) {
      return Promise.reject(new SupersetApiError('GET', path, 404, 'no route'));
    }
    return Promise.resolve(value);
  };
  const api: SupersetApi = {
    get: <T>(path: string) => reply(path) as Promise<T>,
    put: <T>(path: string) => reply(path) as Promise<T>,
    post: async <T>(path: string, body: unknown) => {
      if (path !== '/api/v1/security/guest_token/')
        return reply(path) as Promise<T>;
      calls.push(path);
      const override = answer.get(path);
      if (override instanceof Error) throw override;
      guestTokens.push(body);
      return { token: fakeGuestToken(body, exp) } as T;
    },
  };
  return { api, guestTokens, calls, answer };
}
