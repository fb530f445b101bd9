import type {
  IngestSummary,
  PipelineOverview,
  PipelineRun,
  PipelineRunDetail,
  RunStep,
  RunTest,
} from '@internal/backstage-plugin-scout-client';

export const BASE_URL = 'http://localhost:7007/api/scout';

/** The generated models type date-times as Date; on the wire they are text. */
const wireTime = (iso: string) => iso as unknown as Date;

export function step(
  name: RunStep['name'],
  status: RunStep['status'],
  detail: string | null = null,
): RunStep {
  return {
    name,
    status,
    startedAt: wireTime('2026-11-30T10:00:05Z'),
    finishedAt: status === 'running' ? null : wireTime('2026-11-30T10:00:35Z'),
    detail,
  };
}

const ROWS = {
  'bronze.bronze_transactions': 1200,
  'silver.silver_transactions': 1180,
  'gold.gold_daily_store_sales': 365,
  'gold.gold_payment_mix': 12,
};

function run(overrides: Partial<PipelineRun>): PipelineRun {
  return {
    runId: '20261130-100000-ef56',
    engine: 'duckdb',
    trigger: 'schedule',
    startedBy: null,
    branch: '.scout/lakehouse/staging/20261130-100000-ef56',
    status: 'published',
    startedAt: wireTime('2026-11-30T10:00:00Z'),
    finishedAt: wireTime('2026-11-30T10:01:30Z'),
    fromXid: 1000,
    toXid: 1200,
    rows: ROWS,
    testsPassed: 14,
    testsFailed: 0,
    freshnessSeconds: 95,
    error: null,
    steps: [
      step('promote', 'succeeded', '200 transactions promoted'),
      step('branch', 'succeeded'),
      step('bronze', 'succeeded', '200 rows loaded'),
      step('dbt', 'succeeded', '14 models built, 14 tests passed'),
      step('publish', 'succeeded'),
      step('release', 'succeeded'),
    ],
    ...overrides,
  };
}

export const publishedRun = run({});

export const failedRun = run({
  runId: '20261130-110000-cd34',
  engine: 'trino',
  trigger: 'api',
  startedBy: 'user:default/guest',
  branch: 'run-20261130-110000-cd34',
  status: 'failed',
  startedAt: wireTime('2026-11-30T11:00:00Z'),
  finishedAt: wireTime('2026-11-30T11:02:05Z'),
  testsPassed: 13,
  testsFailed: 1,
  freshnessSeconds: null,
  error: 'dbt test failed: not_null_silver_transactions_store_id',
  steps: [
    step('promote', 'succeeded'),
    step('branch', 'succeeded'),
    step('bronze', 'succeeded'),
    step('dbt', 'failed', '1 of 14 tests failed'),
    step('release', 'succeeded'),
  ],
});

/** Newest first, as the backend lists them. */
export const runs: PipelineRun[] = [failedRun, publishedRun];

function test(overrides: Partial<RunTest>): RunTest {
  return {
    uniqueId: 'test.scout.unique_gold_payment_mix_id.1a2b',
    name: 'unique_gold_payment_mix_id',
    model: 'gold_payment_mix',
    status: 'pass',
    failures: 0,
    message: null,
    seconds: 0.4,
    ...overrides,
  };
}

// The passing test comes first on purpose: the page puts failures first.
export const failedRunDetail: PipelineRunDetail = {
  ...failedRun,
  tests: [
    test({}),
    test({
      uniqueId: 'test.scout.not_null_silver_transactions_store_id.3c4d',
      name: 'not_null_silver_transactions_store_id',
      model: 'silver_transactions',
      status: 'fail',
      failures: 3,
      message: 'Got 3 results, configured to fail if != 0',
    }),
  ],
};

export const publishedRunDetail: PipelineRunDetail = {
  ...publishedRun,
  tests: [test({})],
};

/** A run that has just started, as POST /pipeline/runs answers it. */
export const startedRun = run({
  runId: '20261130-120000-ab12',
  trigger: 'api',
  startedBy: 'user:default/guest',
  status: 'running',
  startedAt: wireTime(new Date().toISOString()),
  finishedAt: null,
  toXid: null,
  rows: {},
  testsPassed: null,
  testsFailed: null,
  freshnessSeconds: null,
  steps: [step('promote', 'succeeded'), step('branch', 'running')],
});

export const overview: PipelineOverview = {
  latest: failedRun,
  lastPublished: publishedRun,
  dataAgeSeconds: 5400,
  staleAfterSeconds: 1800,
  layers: [
    {
      layer: 'bronze',
      rows: 1200,
      tables: [{ name: 'bronze_transactions', rows: 1200 }],
    },
    {
      layer: 'gold',
      rows: 377,
      tables: [
        { name: 'gold_daily_store_sales', rows: 365 },
        { name: 'gold_payment_mix', rows: 12 },
      ],
    },
  ],
  lakehouseCatalog: 'lakehouse',
  attention: [
    {
      kind: 'stale-data',
      severity: 'warning',
      title: 'Lakehouse data is stale',
      detail:
        'The last publish was 1 h 30 min ago; data counts as stale after 30 min.',
      runId: null,
    },
    {
      kind: 'failed-run',
      severity: 'error',
      title: 'Pipeline run 20261130-110000-cd34 failed',
      detail: 'dbt test failed: not_null_silver_transactions_store_id',
      runId: '20261130-110000-cd34',
    },
  ],
};

export const ingestSummary: IngestSummary = {
  hours: 24,
  from: wireTime('2026-11-29T12:00:00Z'),
  to: wireTime('2026-11-30T11:30:00Z'),
  accepted: 2340,
  quarantined: 60,
  byHour: Array.from({ length: 24 }, (_, i) => ({
    hour: wireTime(new Date(Date.UTC(2026, 10, 29, 12 + i)).toISOString()),
    accepted: 90 + i,
    quarantined: i % 4 === 0 ? 10 : 0,
  })),
  quarantineReasons: [
    { reason: 'unknown store_id', count: 40 },
    { reason: 'negative amount', count: 15 },
    { reason: 'timestamp in the future', count: 4 },
    { reason: 'duplicate line', count: 1 },
  ],
};
