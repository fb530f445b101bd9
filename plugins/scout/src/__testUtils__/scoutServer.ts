import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import {
  BASE_URL,
  failedRunDetail,
  ingestSummary,
  overview,
  publishedRunDetail,
  runs,
} from './fixtures';

export const RUNS_URL = `${BASE_URL}/pipeline/runs`;

const details = [failedRunDetail, publishedRunDetail];

/** A scout backend serving the fixtures. */
export const handlers: RequestHandler[] = [
  http.get(RUNS_URL, ({ request }) => {
    const url = new URL(request.url);
    const status = url.searchParams.get('status');
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const listed = runs.filter(r => !status || r.status === status);
    return HttpResponse.json({ runs: listed.slice(0, limit) });
  }),
  http.get(`${RUNS_URL}/:runId`, ({ params }) => {
    const run = details.find(r => r.runId === params.runId);
    return run
      ? HttpResponse.json({ run })
      : errorResponse(
          404,
          'NotFoundError',
          `no pipeline run ${String(params.runId)}`,
        );
  }),
  http.get(`${BASE_URL}/pipeline/overview`, () => HttpResponse.json(overview)),
  http.get(`${BASE_URL}/ingest/summary`, () =>
    HttpResponse.json(ingestSummary),
  ),
];

/** An MSW server with the fixture handlers, started and reset around each test. */
export function setupScoutServer() {
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
