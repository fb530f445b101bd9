import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import {
  failedRunDetail,
  publishedRunDetail,
} from '../../__testUtils__/fixtures';
import { renderScout } from '../../__testUtils__/renderScout';
import {
  errorResponse,
  RUNS_URL,
  setupScoutServer,
} from '../../__testUtils__/scoutServer';
import { PipelinePage } from '../PipelinePage';

// Whole-app renders with react-aria tables are slow on a busy CI machine.
jest.setTimeout(30_000);

const slow = { timeout: 10_000 };

describe('the run page', () => {
  const server = setupScoutServer();

  it("shows a failed run's error, steps, tests with failures first, and rows per table", async () => {
    await renderScout(<PipelinePage />, {
      at: '/pipeline/runs/20261130-110000-cd34',
    });

    expect(
      await screen.findByText('Run 20261130-110000-cd34', {}, slow),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The run failed; main is unchanged'),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        'dbt test failed: not_null_silver_transactions_store_id',
      ),
    ).not.toHaveLength(0);

    // Trino runs on a Nessie branch.
    expect(screen.getByText('Nessie branch')).toBeInTheDocument();
    expect(screen.getByText('run-20261130-110000-cd34')).toBeInTheDocument();
    expect(screen.getByText('1000..1199')).toBeInTheDocument();

    const steps = within(screen.getByRole('list', { name: 'Steps' }));
    expect(steps.getAllByRole('listitem')).toHaveLength(5);
    expect(steps.getByText('1 of 14 tests failed')).toBeInTheDocument();

    const tables = await screen.findAllByRole('grid', {}, slow);
    const testRows = within(tables[0]).getAllByRole('row').slice(1);
    expect(
      within(testRows[0]).getByText('not_null_silver_transactions_store_id'),
    ).toBeInTheDocument();
    expect(within(testRows[0]).getByText('fail')).toBeInTheDocument();
    expect(within(testRows[0]).getByText('3')).toBeInTheDocument();
    expect(
      within(testRows[0]).getByText(
        'Got 3 results, configured to fail if != 0',
      ),
    ).toBeInTheDocument();
    expect(
      within(testRows[1]).getByText('unique_gold_payment_mix_id'),
    ).toBeInTheDocument();

    const rowRows = within(tables[1]).getAllByRole('row').slice(1);
    expect(rowRows.map(r => r.textContent)).toEqual([
      'bronze_transactionsbronze1,200',
      'silver_transactionssilver1,180',
      'gold_daily_store_salesgold365',
      'gold_payment_mixgold12',
    ]);
  });

  it("names a DuckDB run's staging folder and says it published", async () => {
    await renderScout(<PipelinePage />, {
      at: `/pipeline/runs/${publishedRunDetail.runId}`,
    });
    expect(
      await screen.findByText('Staging folder', {}, slow),
    ).toBeInTheDocument();
    expect(
      screen.getByText('.scout/lakehouse/staging/20261130-100000-ef56'),
    ).toBeInTheDocument();
    expect(screen.getByText('The run published to main')).toBeInTheDocument();
  });

  it('says an unknown run does not exist, with a link back', async () => {
    await renderScout(<PipelinePage />, {
      at: '/pipeline/runs/20991231-000000-0000',
    });
    expect(
      await screen.findByText('There is no pipeline run 20991231-000000-0000.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to the run history' }),
    ).toHaveAttribute('href', '/pipeline');
  });

  it('says what failed when the run cannot be read', async () => {
    server.use(
      http.get(`${RUNS_URL}/:runId`, () =>
        errorResponse(500, 'Error', 'relation scout.pipeline_runs is missing'),
      ),
    );
    await renderScout(<PipelinePage />, {
      at: `/pipeline/runs/${failedRunDetail.runId}`,
    });
    expect(
      await screen.findByText('relation scout.pipeline_runs is missing'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Try again' }),
    ).toBeInTheDocument();
  });
});
