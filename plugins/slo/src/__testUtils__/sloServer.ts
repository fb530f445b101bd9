import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, history, items, list } from './fixtures';

/** An SLO backend serving the fixtures, filtering as the real one does. */
export const handlers: RequestHandler[] = [
  http.get(`${BASE_URL}/slos`, ({ request }) => {
    const url = new URL(request.url);
    const owner = url.searchParams.get('owner');
    const entity = url.searchParams.get('entity');
    return HttpResponse.json(
      list(
        items.filter(
          s =>
            (!owner || s.owner === owner) && (!entity || s.entity === entity),
        ),
      ),
    );
  }),
  http.get(`${BASE_URL}/slos/:id/history`, ({ params }) => {
    const slo = items.find(s => s.id === params.id);
    if (!slo) {
      return errorResponse(404, 'NotFoundError', `No SLO ${params.id}`);
    }
    if (slo.errorBudgetRemaining === null) {
      return HttpResponse.json({ ...history(slo.id), points: [] });
    }
    return HttpResponse.json(history(slo.id, slo.errorBudgetRemaining));
  }),
];

/** An MSW server with the fixture handlers, started and reset around each test. */
export function setupSloServer() {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

/** The JSON an `@backstage/errors` error becomes on the wire. */
export function errorResponse(status: number, name: string, message: string) {
  return HttpResponse.json(
    { error: { name, message }, response: { statusCode: status } },
    { status },
  );
}

/** A response that never comes, to hold a view in its loading state. */
export const never = () => new Promise<never>(() => {});
