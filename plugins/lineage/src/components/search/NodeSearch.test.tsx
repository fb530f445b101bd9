import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { BASE_URL, NS } from '../../__testUtils__/fixtures';
import { setupLineageServer } from '../../__testUtils__/lineageServer';
import { renderLineage } from '../../__testUtils__/renderLineage';
import { NodeSearch } from './NodeSearch';

jest.setTimeout(30_000);

/** A search answering `total` matches, as many as the request's limit. */
function serveMatches(total: number) {
  const limits: number[] = [];
  const handler = http.get(`${BASE_URL}/api/v1/search`, ({ request }) => {
    const limit = Number(new URL(request.url).searchParams.get('limit'));
    limits.push(limit);
    const results = Array.from({ length: Math.min(limit, total) }, (_, i) => ({
      type: 'DATASET',
      name: `iceberg.silver.orders_${i}`,
      namespace: NS,
      nodeId: `dataset:${NS}:iceberg.silver.orders_${i}`,
      updatedAt: '2026-12-01T10:00:00Z',
    }));
    return HttpResponse.json({ totalCount: total, results });
  });
  return { handler, limits };
}

describe('NodeSearch', () => {
  const server = setupLineageServer();

  it('says how many match past the first ten, and lists them all on request', async () => {
    const { handler, limits } = serveMatches(45);
    server.use(handler);
    renderLineage(<NodeSearch />);

    await userEvent.type(screen.getByRole('searchbox'), 'orders');
    const list = await screen.findByRole('list', { name: 'Search results' });
    expect(within(list).getAllByRole('link')).toHaveLength(10);
    expect(screen.getByText('10 of 45 matches.')).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(await screen.findByText('iceberg.silver.orders_44')).toBeVisible();
    expect(screen.queryByText(/of 45 matches/)).toBeNull();
    expect(limits.at(-1)).toBe(100);
  });

  it('past a hundred, asks for more of the name', async () => {
    const { handler } = serveMatches(250);
    server.use(handler);
    renderLineage(<NodeSearch />);

    await userEvent.type(screen.getByRole('searchbox'), 'orders');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show 100' }),
    );
    expect(
      await screen.findByText(
        '100 of 250 matches: type more of the name or namespace to narrow them.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /Show/ })).toBeNull();
  });

  it('starts again at ten for a new search', async () => {
    const { handler, limits } = serveMatches(45);
    server.use(handler);
    renderLineage(<NodeSearch />);

    const box = screen.getByRole('searchbox');
    await userEvent.type(box, 'orders');
    await userEvent.click(
      await screen.findByRole('button', { name: 'Show all' }),
    );
    await screen.findByText('iceberg.silver.orders_44');
    await userEvent.type(box, '_1');
    expect(await screen.findByText('10 of 45 matches.')).toBeVisible();
    expect(limits.at(-1)).toBe(10);
  });
});
