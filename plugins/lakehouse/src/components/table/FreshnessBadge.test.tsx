import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { handlers } from '../../__testUtils__/lakehouseServer';
import { renderLakehouse } from '../../__testUtils__/renderLakehouse';
import { LakehousePage } from '../LakehousePage';

jest.setTimeout(30_000);

const SLOS = '*/api/slo/slos';

const freshness = {
  id: 'iceberg-gold-freshness',
  service: 'iceberg-gold',
  name: 'freshness',
  displayName: 'Iceberg gold freshness',
  description: 'Newest gold row under an hour old',
  owner: 'group:default/data-engineering',
  entity: 'resource:default/iceberg-gold',
  objective: 0.99,
  sliType: 'timeslice',
  sli: 0.998,
  errorBudgetRemaining: 0.8,
  burnRates: {
    '5m': 0,
    '30m': 0,
    '1h': 0,
    '2h': 0,
    '6h': 0,
    '1d': 0.2,
    '3d': 0.2,
  },
  alerts: [],
  status: 'ok',
  currentValueSeconds: 720,
  thresholdSeconds: 3600,
};

const answer = (items: unknown[]) =>
  HttpResponse.json({
    source: 'embedded',
    evaluatedAt: '2026-12-01T10:00:00Z',
    items,
  });

describe('the freshness badge on the table page', () => {
  const entities: string[] = [];
  // Ahead of the shared handlers, whose SLO API knows no SLO.
  const server = setupServer(
    http.get(SLOS, ({ request }) => {
      entities.push(new URL(request.url).searchParams.get('entity') ?? '');
      return answer([freshness]);
    }),
    ...handlers,
  );
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    entities.length = 0;
  });
  afterAll(() => server.close());

  it("shows a gold table's freshness from the SLO covering gold", async () => {
    renderLakehouse(<LakehousePage />, {
      at: '/lakehouse/iceberg/gold/gold_daily_store_sales',
    });

    expect(
      await screen.findByRole('status', {
        name: 'Freshness ok: newest row 12 min old (limit 1 h) · 80 % budget left',
      }),
    ).toBeInTheDocument();
    expect(entities).toEqual(['resource:default/iceberg-gold']);
  });

  it('says when the SLO has no data yet', async () => {
    server.use(
      http.get(SLOS, () =>
        answer([
          {
            ...freshness,
            status: 'no-data',
            sli: null,
            errorBudgetRemaining: null,
            currentValueSeconds: null,
          },
        ]),
      ),
    );
    renderLakehouse(<LakehousePage />, {
      at: '/lakehouse/iceberg/gold/gold_daily_store_sales',
    });
    expect(
      await screen.findByRole('status', { name: 'Freshness SLO: no data yet' }),
    ).toBeInTheDocument();
  });

  it('is a muted note when the SLO service fails, and the table still shows', async () => {
    server.use(
      http.get(SLOS, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );
    renderLakehouse(<LakehousePage />, {
      at: '/lakehouse/iceberg/gold/gold_daily_store_sales',
    });

    expect(
      await screen.findByText('freshness SLO unavailable'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Revenue and transactions per store and day.'),
    ).toBeInTheDocument();
  });

  it('shows nothing, and asks nothing, for a layer without a freshness SLO', async () => {
    renderLakehouse(<LakehousePage />, {
      at: '/lakehouse/iceberg/silver/silver_transactions',
    });

    expect(
      await screen.findByRole('heading', { name: 'silver_transactions' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByText(/freshness SLO/i)).not.toBeInTheDocument();
    expect(entities).toEqual([]);
  });
});
