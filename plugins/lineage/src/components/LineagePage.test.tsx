import type { Entity } from '@backstage/catalog-model';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import {
  BASE_URL,
  BRONZE,
  GOLD,
  PLATINUM,
  SILVER,
  SOURCE,
  ds,
  lineageAround,
  lineageAt,
} from '../__testUtils__/fixtures';
import {
  errorResponse,
  setupLineageServer,
} from '../__testUtils__/lineageServer';
import { renderLineage } from '../__testUtils__/renderLineage';
import { LineagePage } from './LineagePage';

// Whole-app renders with react-aria components are slow on a busy machine.
jest.setTimeout(30_000);

const graph = () =>
  screen.findByRole('group', { name: 'Lineage graph' }, { timeout: 10_000 });

describe('the Lineage page', () => {
  const server = setupLineageServer();

  it('explains itself and lists recently written datasets when no node is picked', async () => {
    renderLineage(<LineagePage />);

    const recent = await screen.findByRole(
      'list',
      { name: 'Recent datasets' },
      { timeout: 10_000 },
    );
    expect(within(recent).getByRole('link', { name: GOLD })).toHaveAttribute(
      'href',
      lineageAt(ds(GOLD)),
    );
    expect(
      within(recent).getAllByText(/ · written \d+ d ago$/),
    ).not.toHaveLength(0);
    // A source is read, not written: it is not listed.
    expect(within(recent).queryByRole('link', { name: SOURCE })).toBeNull();
    expect(screen.getByText(/Where does a number come from/)).toBeVisible();
  });

  it('is one main landmark, holding the title, the search and the graph', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });
    const view = await graph();

    const main = screen.getByRole('main');
    expect(
      within(main).getByRole('heading', { level: 1, name: 'Lineage' }),
    ).toBeVisible();
    expect(within(main).getByRole('searchbox')).toBeVisible();
    expect(main).toContainElement(view);
  });

  it('lists matches as the reader types, each a link to its graph', async () => {
    renderLineage(<LineagePage />);

    await userEvent.type(
      screen.getByRole('searchbox', { name: 'Search datasets and jobs' }),
      'transactions',
    );
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getByRole('link', { name: SILVER })).toHaveAttribute(
      'href',
      lineageAt(ds(SILVER)),
    );
    expect(within(results).getByRole('link', { name: SOURCE })).toBeVisible();
  });

  it('opens one step around the node and expands upstream on demand', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });

    const view = await graph();
    expect(
      within(view).getByRole('button', { name: `Dataset ${SILVER}` }),
    ).toBeVisible();
    expect(
      within(view).queryByRole('button', { name: `Dataset ${BRONZE}` }),
    ).toBeNull();
    // Gold's own sides are loaded: nothing more to expand on it.
    expect(
      within(view).queryByRole('button', {
        name: `Expand upstream of ${GOLD}`,
      }),
    ).toBeNull();

    await userEvent.click(
      within(view).getByRole('button', {
        name: `Expand upstream of ${SILVER}`,
      }),
    );
    expect(
      await within(view).findByRole('button', { name: `Dataset ${BRONZE}` }),
    ).toBeVisible();
    expect(
      within(view).getByRole('button', {
        name: `Expand upstream of ${BRONZE}`,
      }),
    ).toBeVisible();
  });

  it('opens a node whose two-step answer is over the node limit one step deep, and asks for each node once', async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${BASE_URL}/api/v1/lineage`, ({ request }) => {
        const url = new URL(request.url);
        const nodeId = url.searchParams.get('nodeId')!;
        const depth = Number(url.searchParams.get('depth'));
        asked.push(`${nodeId} ${depth}`);
        if (nodeId === ds(GOLD) && depth > 1) {
          // A job further, a wide fan-out brings in every sibling.
          return errorResponse(
            400,
            'GraphTooLargeError',
            'the answer has more than 2000 nodes (lineage.maxNodes) at depth 2: ask for a depth under 2',
          );
        }
        return HttpResponse.json({ graph: lineageAround(nodeId, depth) });
      }),
    );
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });

    const view = await graph();
    expect(
      await within(view).findByRole('button', { name: `Dataset ${SILVER}` }),
    ).toBeVisible();
    await userEvent.click(
      within(view).getByRole('button', {
        name: `Expand upstream of ${SILVER}`,
      }),
    );
    await within(view).findByRole('button', { name: `Dataset ${BRONZE}` });
    expect(asked.sort()).toEqual(
      [`${ds(GOLD)} 1`, `${ds(GOLD)} 2`, `${ds(SILVER)} 2`].sort(),
    );
  });

  it('shows a node alone, and says why, when even its nearest neighbours are over the node limit', async () => {
    const message =
      'the answer has more than 2000 nodes (lineage.maxNodes) at depth 1: its nearest neighbours alone are more: raise lineage.maxNodes to see them';
    server.use(
      http.get(`${BASE_URL}/api/v1/lineage`, ({ request }) => {
        const url = new URL(request.url);
        const nodeId = url.searchParams.get('nodeId')!;
        const depth = Number(url.searchParams.get('depth'));
        if (depth > 0) {
          return errorResponse(400, 'GraphTooLargeError', message);
        }
        return HttpResponse.json({ graph: lineageAround(nodeId, depth) });
      }),
    );
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });

    const view = await graph();
    expect(
      within(view).getByRole('button', { name: `Dataset ${GOLD}` }),
    ).toBeVisible();
    expect(
      within(view).queryByRole('button', { name: `Dataset ${SILVER}` }),
    ).toBeNull();
    expect(
      screen.getByText(
        'Shown alone: its nearest neighbours are more than the portal draws',
      ),
    ).toBeVisible();
    expect(screen.getByText(message)).toBeVisible();
  });

  it('hides jobs and layers on request', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });
    const view = await graph();
    expect(
      within(view).getByRole('button', { name: `Job write ${GOLD}` }),
    ).toBeVisible();

    await userEvent.click(screen.getByRole('button', { name: 'Jobs' }));
    expect(
      within(view).queryByRole('button', { name: `Job write ${GOLD}` }),
    ).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'silver' }));
    expect(
      within(view).queryByRole('button', { name: `Dataset ${SILVER}` }),
    ).toBeNull();
    expect(
      within(view).getByRole('button', { name: `Dataset ${GOLD}` }),
    ).toBeVisible();
  });

  it('follows a column to its source and its readers', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });
    await graph();

    await userEvent.click(await screen.findByRole('tab', { name: 'Columns' }));
    await userEvent.click(screen.getByRole('button', { name: /revenue/ }));

    const from = await screen.findByRole('list', {
      name: 'revenue comes from',
    });
    expect(
      within(from)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([`${SILVER} . total`, `${BRONZE} . total`, `${SOURCE} . total`]);
    expect(
      within(screen.getByRole('list', { name: 'Read by' })).getByText(
        /avg_revenue/,
      ),
    ).toBeVisible();
  });

  it("shows a dataset's details and a job's SQL and run", async () => {
    // The catalog's Resource for the table: the Lakehouse link needs it.
    const goldTable: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'gold-gold-daily-store-sales',
        annotations: {
          'scout.io/lakehouse-table': 'iceberg/gold/gold_daily_store_sales',
        },
      },
      spec: { type: 'iceberg-table', owner: 'group:default/data-engineering' },
    };
    renderLineage(<LineagePage />, {
      at: lineageAt(ds(GOLD)),
      entities: [goldTable],
    });
    const view = await graph();

    expect(
      await screen.findByRole('link', { name: 'Open in the Lakehouse' }),
    ).toHaveAttribute('href', '/lakehouse/iceberg/gold/gold_daily_store_sales');
    expect(
      await screen.findByText('Nothing recorded reads this dataset.'),
    ).toBeVisible();

    await userEvent.click(
      within(view).getByRole('button', { name: `Job write ${GOLD}` }),
    );
    expect(await screen.findByText(`run-${GOLD}`)).toBeVisible();
    expect(screen.getByText('COMPLETE')).toBeVisible();
    // The SQL is highlighted token by token, once the highlighter loads.
    await waitFor(() =>
      expect(document.body).toHaveTextContent(
        `INSERT INTO ${GOLD} SELECT * FROM ${SILVER}`,
      ),
    );
  });

  it('shows test results and upstream failures on the nodes and in the panel', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });
    const view = await graph();
    const gold = within(view).getByRole('button', { name: `Dataset ${GOLD}` });
    expect(gold.closest('div')).toHaveTextContent('upstream failed');
    const silver = within(view).getByRole('button', {
      name: `Dataset ${SILVER}`,
    });
    expect(silver.closest('div')).toHaveTextContent('tests 1/2');
    await userEvent.click(silver);
    expect(await screen.findByText('Tests (1 of 2 passed)')).toBeVisible();
    expect(
      screen.getByText('Got 2 results, configured to fail if != 0'),
    ).toBeVisible();
    await waitFor(() =>
      expect(document.body).toHaveTextContent(
        `select * from ${SILVER} where total is null`,
      ),
    );
  });

  it('offers no expand on a source or a sink, whatever the filters hide', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });
    const view = await graph();
    const expandButton = (direction: string, name: string) =>
      within(view).queryByRole('button', {
        name: `Expand ${direction} of ${name}`,
      });
    // Platinum is a sink; silver's reader (gold's job) is on the graph.
    expect(expandButton('downstream', PLATINUM)).toBeNull();
    expect(expandButton('downstream', SILVER)).toBeNull();
    // Hidden jobs still count: silver's writer is upstream.
    await userEvent.click(screen.getByRole('button', { name: 'Jobs' }));
    await userEvent.click(expandButton('upstream', SILVER)!);
    await userEvent.click(
      await within(view).findByRole('button', {
        name: `Expand upstream of ${BRONZE}`,
      }),
    );
    expect(
      await within(view).findByRole('button', { name: `Dataset ${SOURCE}` }),
    ).toBeVisible();
    expect(expandButton('upstream', SOURCE)).toBeNull();
  });

  it("shows a dataset's last run, rows and build time", async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(GOLD)) });
    const view = await graph();
    const gold = within(view)
      .getByRole('button', { name: `Dataset ${GOLD}` })
      .closest('div')!;
    expect(gold).toHaveTextContent(/built .* ago/);
    expect(gold).toHaveTextContent('12.3k rows');

    const lastRun = await screen.findByLabelText('Last run');
    expect(
      within(lastRun).getByRole('link', { name: 'run-42' }),
    ).toHaveAttribute('href', '/pipeline/runs/run-42');
    expect(lastRun).toHaveTextContent('published');
    expect(lastRun).toHaveTextContent('12,345');
  });

  it("shows a source's freshness and its Great Expectations results, failures first", async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(SOURCE)) });
    const view = await graph();
    expect(
      within(view)
        .getByRole('button', { name: `Dataset ${SOURCE}` })
        .closest('div'),
    ).toHaveTextContent('stale 4 h');
    expect(screen.getByLabelText('Freshness')).toHaveTextContent('warn');
    expect(
      screen.getByText('No Scout pipeline run recorded for this dataset.'),
    ).toBeVisible();
    const gx = screen.getByRole('list', { name: 'Great Expectations' });
    expect(
      within(gx)
        .getAllByRole('listitem')
        .map(li => li.querySelector('span')?.textContent),
    ).toEqual([
      'expect_column_values_to_be_between',
      'expect_column_values_to_not_be_null',
    ]);
    expect(within(gx).getByText('3 of 1200 values are below 0')).toBeVisible();
    expect(screen.queryByRole('list', { name: 'dbt tests' })).toBeNull();
    // No catalog entity: the owners its producer named.
    expect(
      await screen.findByText(/team:pos \(maintainer\), user:ana/),
    ).toBeVisible();
  });

  it('marks a failed last run on the node', async () => {
    renderLineage(<LineagePage />, { at: lineageAt(ds(BRONZE)) });
    const view = await graph();
    expect(
      within(view)
        .getByRole('button', { name: `Dataset ${BRONZE}` })
        .closest('div'),
    ).toHaveTextContent('last run failed');
  });
});
