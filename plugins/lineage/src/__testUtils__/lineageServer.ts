import { http, HttpResponse, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { allNodes, BASE_URL, lineageAround, revenueLineage } from './fixtures';

/** A lineage backend serving the fixtures: the chain, dbt, an edge function. */
export const handlers: RequestHandler[] = [
  http.get(`${BASE_URL}/api/v1/lineage`, ({ request }) => {
    const url = new URL(request.url);
    const nodeId = url.searchParams.get('nodeId')!;
    const depth = Number(url.searchParams.get('depth') ?? 2);
    if (!allNodes().some(n => n.id === nodeId)) {
      return errorResponse(404, 'NotFoundError', `No node ${nodeId}`);
    }
    return HttpResponse.json({ graph: lineageAround(nodeId, depth) });
  }),
  http.get(`${BASE_URL}/api/v1/column-lineage`, () =>
    HttpResponse.json({ graph: revenueLineage() }),
  ),
  http.get(`${BASE_URL}/api/v1/search`, ({ request }) => {
    const url = new URL(request.url);
    const q = url.searchParams.get('q')!.toLowerCase();
    const filter = url.searchParams.get('filter');
    const results = allNodes()
      .filter(n => String(n.data.name).toLowerCase().includes(q))
      .filter(n => !filter || n.type === filter)
      .map(n => ({
        type: n.type,
        name: n.data.name,
        namespace: n.data.namespace,
        nodeId: n.id,
        updatedAt: '2026-12-01T10:00:00Z',
      }));
    return HttpResponse.json({ totalCount: results.length, results });
  }),
  http.get(`${BASE_URL}/recent`, ({ request }) => {
    const limit = Number(new URL(request.url).searchParams.get('limit') ?? 20);
    const items = allNodes()
      .filter(n => n.type === 'DATASET' && n.data.written)
      .slice(0, limit)
      .map(n => ({
        nodeId: n.id,
        namespace: n.data.namespace,
        name: n.data.name,
        writtenAt: '2026-12-01T10:00:00Z',
      }));
    return HttpResponse.json({ items });
  }),
  http.get(`${BASE_URL}/impact`, ({ request }) =>
    HttpResponse.json({
      nodeId: new URL(request.url).searchParams.get('nodeId'),
      datasets: [],
      jobs: [],
      fields: [],
    }),
  ),
];

/** An MSW server with the fixture handlers, started and reset around each test. */
export function setupLineageServer() {
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
