import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { BASE_URL, history, items, list } from '../__testUtils__/fixtures';
import { renderSlo } from '../__testUtils__/renderSlo';
import {
  errorResponse,
  never,
  setupSloServer,
} from '../__testUtils__/sloServer';
import { SloPage } from './SloPage';

jest.setTimeout(30_000);

const SLOS = `${BASE_URL}/slos`;

/** The SLO headings of the list, in the order shown. */
async function shownSlos() {
  const listEl = await screen.findByRole('list', {
    name: 'SLOs by remaining error budget',
  });
  return within(listEl)
    .getAllByRole('heading', { level: 2 })
    .map(h => h.textContent);
}

async function pick(label: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(label) }),
  );
  await userEvent.click(
    within(await screen.findByRole('listbox')).getByRole('option', {
      name: option,
    }),
  );
}

describe('the SLO page', () => {
  const server = setupSloServer();

  it('lists every SLO, the least budget left first and no data last', async () => {
    // The fixture is out of order: the page keeps the worst first itself.
    await renderSlo(<SloPage />);

    expect(await shownSlos()).toEqual([
      'Iceberg gold freshness',
      'ingest-transaction availability',
      'Portal API latency',
      'ingest-transaction latency',
    ]);
    expect(
      screen.getByText(
        /^4 SLOs · source: embedded · evaluated 2026-12-01 10:00 UTC/,
      ),
    ).toBeInTheDocument();
  });

  it('shows status, budget, SLI and burn rates with their units', async () => {
    await renderSlo(<SloPage />);

    const ingest = await screen.findByRole('article', {
      name: 'ingest-transaction availability',
    });
    expect(within(ingest).getByText('burning')).toBeInTheDocument();
    expect(within(ingest).getByText('12 % left')).toBeInTheDocument();
    expect(
      within(ingest).getByText('99.91 % (objective 99.9 %)'),
    ).toBeInTheDocument();
    expect(within(ingest).getByText('15.2×')).toBeInTheDocument();
    expect(within(ingest).getAllByText('2.5×')).toHaveLength(2);
    expect(
      within(ingest).getByText('Page alert firing since 2026-12-01 09:40 UTC'),
    ).toBeInTheDocument();

    const gold = screen.getByRole('article', {
      name: 'Iceberg gold freshness',
    });
    expect(within(gold).getByText('exhausted')).toBeInTheDocument();
    expect(within(gold).getByText('overspent by 50 %')).toBeInTheDocument();
    expect(
      within(gold).getByText('1 h 30 min (limit 1 h)'),
    ).toBeInTheDocument();
  });

  it('charts each SLO\u2019s budget over 30 days', async () => {
    await renderSlo(<SloPage />);

    const ingest = await screen.findByRole('article', {
      name: 'ingest-transaction availability',
    });
    const chart = await within(ingest).findByRole('figure', {
      name: 'Error budget left over 30 days, ingest-transaction availability',
    });
    expect(
      within(chart).getByText(
        'Budget left: 100 % on 2026-11-01 10:00 UTC, 12 % on 2026-11-30 10:00 UTC (30 points).',
      ),
    ).toBeInTheDocument();
  });

  it('says a lone history point once', async () => {
    server.use(
      http.get(`${SLOS}/:id/history`, ({ params }) =>
        HttpResponse.json(history(String(params.id), 1, 1)),
      ),
    );
    await renderSlo(<SloPage />);
    const ingest = await screen.findByRole('article', {
      name: 'ingest-transaction availability',
    });
    expect(
      await within(ingest).findByText(
        /^Budget left: 100 % on .* \(1 point so far\)\.$/,
      ),
    ).toBeInTheDocument();
  });

  it('says why an SLO has no data and that its chart fills as the portal runs', async () => {
    await renderSlo(<SloPage />);

    const latency = await screen.findByRole('article', {
      name: 'ingest-transaction latency',
    });
    expect(within(latency).getByText('no data')).toBeInTheDocument();
    expect(within(latency).getByText('no data yet')).toBeInTheDocument();
    expect(
      within(latency).getByText(
        /^No SLI yet: the portal samples its own metrics/,
      ),
    ).toBeInTheDocument();
    expect(
      await within(latency).findByText('No budget history yet'),
    ).toBeInTheDocument();
  });

  it('filters by owner', async () => {
    await renderSlo(<SloPage />);
    await shownSlos();

    await pick('Owner', 'platform-team');

    expect(await shownSlos()).toEqual(['Portal API latency']);
    expect(screen.getByText(/^1 of 4 SLOs/)).toBeInTheDocument();
  });

  it('filters by system, from the catalog', async () => {
    await renderSlo(<SloPage />, {
      at: '/slo?system=system%3Adefault%2Fscout-ingestion',
    });

    await waitFor(async () =>
      expect(await shownSlos()).toEqual([
        'ingest-transaction availability',
        'ingest-transaction latency',
      ]),
    );
    await pick('System', 'scout-lakehouse');
    expect(await shownSlos()).toEqual(['Iceberg gold freshness']);
  });

  it('says when the filters keep nothing, with a way back to every SLO', async () => {
    await renderSlo(<SloPage />, { at: '/slo?owner=group%3Adefault%2Fnobody' });

    expect(
      await screen.findByText('No SLO owned by nobody'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Show every SLO' }),
    );
    expect(await shownSlos()).toHaveLength(4);
  });

  it('shows that it is loading', async () => {
    server.use(http.get(SLOS, never));
    await renderSlo(<SloPage />);
    expect(screen.getByLabelText('Loading SLOs')).toBeInTheDocument();
  });

  it('says what failed and offers to try again', async () => {
    server.use(
      http.get(SLOS, () =>
        errorResponse(
          503,
          'ServiceUnavailableError',
          'Prometheus did not answer',
        ),
      ),
    );
    await renderSlo(<SloPage />);

    expect(
      await screen.findByText('The SLO list: the slo source is not reachable'),
    ).toBeInTheDocument();
    expect(screen.getByText('Prometheus did not answer')).toBeInTheDocument();

    server.resetHandlers();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await shownSlos()).toHaveLength(4);
  });

  it('says when the backend is not reachable', async () => {
    server.use(http.get(SLOS, () => HttpResponse.error()));
    await renderSlo(<SloPage />);
    expect(
      await screen.findByText(
        'The SLO list: the portal backend is not reachable',
      ),
    ).toBeInTheDocument();
  });

  it('says what to do when no SLO is defined', async () => {
    server.use(http.get(SLOS, () => HttpResponse.json(list([]))));
    await renderSlo(<SloPage />);
    expect(await screen.findByText('No SLOs are defined')).toBeInTheDocument();
    expect(
      screen.getByText(/platform-manifests\/observability\/slos/),
    ).toBeInTheDocument();
  });

  it('keeps the list when the catalog cannot name systems', async () => {
    const catalogApi = catalogApiMock.mock({
      getEntitiesByRefs: async () => {
        throw new Error('catalog is down');
      },
    });
    await renderSlo(<SloPage />, { catalogApi });

    expect(await shownSlos()).toHaveLength(items.length);
    expect(
      await screen.findByText(
        'The system filter is unavailable: the catalog did not answer',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('catalog is down')).toBeInTheDocument();
  });
});
