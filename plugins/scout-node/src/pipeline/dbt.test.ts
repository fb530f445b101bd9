import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  dbtEnvironment,
  developmentDbt,
  runDbtBuild,
  runDbtSourceFreshness,
  summarizeRunResults,
} from './dbt';
import { describeFreshness } from './qualitySteps';

const repoRoot = resolve(__dirname, '../../../..');

describe('dbtEnvironment', () => {
  it("passes the system's basics and pip's settings, and none of the backend's secrets", () => {
    expect(
      dbtEnvironment({
        PATH: '/usr/bin',
        HOME: '/home/scout',
        LC_ALL: 'C.UTF-8',
        https_proxy: 'http://proxy:3128',
        PIP_INDEX_URL: 'https://pypi.example.test/simple',
        SCOUT_JWT_SECRET: 'k'.repeat(32),
        AUTH_OIDC_CLIENT_SECRET: 'oidc',
        SCOUT_S3_SECRET_KEY: 's3',
        POSTGRES_PASSWORD: 'pg',
        NODE_ENV: 'production',
        UNSET: undefined,
      }),
    ).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/scout',
      LC_ALL: 'C.UTF-8',
      https_proxy: 'http://proxy:3128',
      PIP_INDEX_URL: 'https://pypi.example.test/simple',
    });
  });
});

describe('summarizeRunResults', () => {
  const result = (unique_id: string, status: string, execution_time = 1) => ({
    unique_id,
    status,
    execution_time,
    message:
      status === 'fail' ? 'Got 3 results, configured to fail if != 0' : null,
    failures: unique_id.startsWith('test.')
      ? Number(status === 'fail') * 3
      : null,
  });

  it('counts tests, sums time per layer and lists failures', () => {
    const summary = summarizeRunResults({
      metadata: {},
      results: [
        result('model.scout.silver_transactions', 'success', 2),
        result('model.scout.silver_line_items', 'success', 3),
        result('model.scout.gold_payment_mix', 'success', 1.5),
        result(
          'test.scout.not_null_silver_transactions_total.1a',
          'pass',
          0.25,
        ),
        result('test.scout.sums_match_silver_transactions.2b', 'fail', 0.25),
        result('model.scout.platinum_store_features', 'skipped', 0),
        result('exposure.scout.genie', 'no-op', 0),
      ],
    });
    expect(summary).toEqual({
      testsPassed: 1,
      testsFailed: 1,
      seconds: { silver: 5, gold: 1.5, tests: 0.5, platinum: 0 },
      failures: [
        {
          node: 'test.scout.sums_match_silver_transactions.2b',
          status: 'fail',
          message: 'Got 3 results, configured to fail if != 0',
        },
      ],
      // Without a manifest, names come from the ids and no model is known.
      tests: [
        {
          uniqueId: 'test.scout.not_null_silver_transactions_total.1a',
          name: 'not_null_silver_transactions_total',
          model: null,
          source: 'dbt',
          status: 'pass',
          failures: 0,
          message: null,
          seconds: 0.25,
        },
        {
          uniqueId: 'test.scout.sums_match_silver_transactions.2b',
          name: 'sums_match_silver_transactions',
          model: null,
          source: 'dbt',
          status: 'fail',
          failures: 3,
          message: 'Got 3 results, configured to fail if != 0',
          seconds: 0.25,
        },
      ],
    });
  });

  it("names each test's model from the manifest: its attached node, else what it depends on", () => {
    const summary = summarizeRunResults(
      {
        results: [
          result('test.scout.not_null_silver_transactions_total.1a', 'pass'),
          result('test.scout.source_non_negative_bronze_amount.3c', 'warn'),
          result('test.scout.relationships_x.4d', 'error'),
          result('test.scout.unknown_to_the_manifest.5e', 'skipped'),
        ],
      },
      {
        nodes: {
          'test.scout.not_null_silver_transactions_total.1a': {
            name: 'not_null_silver_transactions_total',
            attached_node: 'model.scout.silver_transactions',
            depends_on: { nodes: ['model.scout.silver_transactions'] },
          },
          'test.scout.source_non_negative_bronze_amount.3c': {
            name: 'source_non_negative_bronze_amount',
            attached_node: null,
            depends_on: {
              macros: ['macro.scout.test_non_negative'],
              nodes: ['source.scout.bronze.line_items'],
            },
          },
          'test.scout.relationships_x.4d': {
            name: 'relationships_x',
            attached_node: 'model.scout.gold_payment_mix',
            depends_on: {
              nodes: ['model.scout.dim_stores', 'model.scout.gold_payment_mix'],
            },
          },
        },
      },
    );
    expect(summary.tests.map(t => [t.name, t.model, t.status])).toEqual([
      ['not_null_silver_transactions_total', 'silver_transactions', 'pass'],
      ['source_non_negative_bronze_amount', 'bronze.line_items', 'warn'],
      ['relationships_x', 'gold_payment_mix', 'error'],
      ['unknown_to_the_manifest', null, 'skipped'],
    ]);
  });

  it('reads the names from the ids when the manifest is not one', () => {
    const summary = summarizeRunResults(
      { results: [result('test.scout.unique_x.1a', 'pass')] },
      { nodes: 'not a manifest' },
    );
    expect(summary.tests[0]).toMatchObject({ name: 'unique_x', model: null });
  });

  it('rejects a file that is not dbt run results', () => {
    expect(() => summarizeRunResults({ results: [{ id: 1 }] })).toThrow();
  });
});

describe('runDbtBuild', () => {
  it('names the config key when the dbt executable cannot start', async () => {
    await expect(
      runDbtBuild({
        dbt: { executable: '/nonexistent/dbt', projectDir: tmpdir() },
        target: 'duckdb',
        env: {},
        targetPath: join(tmpdir(), 'scout-dbt-missing'),
        log: () => {},
      }),
    ).rejects.toThrow(
      /Could not start dbt "\/nonexistent\/dbt" \(scout\.pipeline\.dbt\.executable\)/,
    );
  });
});

// The real dbt (scripts/dbt, the project venv) on a lakehouse folder whose
// bronze holds one Parquet file, as a run's staging copy does.
describe('runDbtSourceFreshness', () => {
  jest.setTimeout(300_000);
  let lakehouse: string;
  beforeAll(async () => {
    lakehouse = await mkdtemp(join(tmpdir(), 'scout-freshness-'));
    await mkdir(join(lakehouse, 'bronze', 'transactions'), { recursive: true });
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    await duck.run(
      `copy (select 'x' as transaction_id, now() - interval 3 minute as loaded_at)
       to '${join(
         lakehouse,
         'bronze/transactions/load.parquet',
       )}' (format parquet)`,
    );
    duck.closeSync();
  });
  afterAll(() => rm(lakehouse, { recursive: true, force: true }));

  it("reads each source's age from the run's sources.json", async () => {
    const targetPath = join(lakehouse, 'dbt');
    const sources = await runDbtSourceFreshness({
      dbt: developmentDbt(resolve(__dirname, '../../../..')),
      target: 'duckdb',
      env: { SCOUT_LAKEHOUSE_DIR: lakehouse },
      targetPath,
      log: () => {},
    });
    expect(sources).toEqual([
      {
        source: 'bronze.transactions',
        status: 'pass',
        maxLoadedAt: expect.any(String),
        ageSeconds: expect.any(Number),
      },
    ]);
    expect(sources[0].ageSeconds).toBeGreaterThanOrEqual(170);
    expect(sources[0].ageSeconds).toBeLessThan(600);
    expect(existsSync(join(targetPath, 'sources.json'))).toBe(true);
    expect(describeFreshness(sources)).toBe(
      'bronze.transactions: pass, newest row 3 min old',
    );
  });

  it('says why when dbt wrote no sources.json', async () => {
    await expect(
      runDbtSourceFreshness({
        dbt: { executable: 'false', projectDir: tmpdir() },
        target: 'duckdb',
        env: {},
        targetPath: join(lakehouse, 'none'),
        log: () => {},
      }),
    ).rejects.toThrow(/exited with 1 and wrote no sources\.json/);
  });
});

describe('describeFreshness', () => {
  it('names each source, its verdict and the age of its newest row', () => {
    expect(
      describeFreshness([
        {
          source: 'bronze.a',
          status: 'warn',
          maxLoadedAt: null,
          ageSeconds: 7200,
        },
        {
          source: 'bronze.b',
          status: 'runtime error',
          maxLoadedAt: null,
          ageSeconds: null,
        },
      ]),
    ).toBe('bronze.a: warn, newest row 2 h old; bronze.b: runtime error');
    expect(
      describeFreshness([
        {
          source: 'bronze.shelf_scans',
          status: 'error',
          maxLoadedAt: null,
          ageSeconds: null,
          empty: true,
        },
      ]),
    ).toBe('bronze.shelf_scans: error, no rows yet');
    expect(describeFreshness([])).toBe('no source declares a freshness');
  });
});

// The real dbt on a scratch copy of transform/ (its macros, profiles and
// config) whose models are one that selects nothing, over a bronze
// transactions table that holds no row yet: a new source's first run.
describe('an empty model and an empty source, on the real dbt', () => {
  jest.setTimeout(300_000);
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'scout-empty-'));
    const project = join(root, 'project');
    await cp(join(repoRoot, 'transform'), project, {
      recursive: true,
      filter: path => !/[/\\](target|logs|dbt_packages)$/.test(path),
    });
    // Only the project's macros and config: its models and tests need data.
    await rm(join(project, 'tests'), { recursive: true, force: true });
    await rm(join(project, 'models'), { recursive: true });
    await mkdir(join(project, 'models'));
    await writeFile(
      join(project, 'models', 'sources.yml'),
      `version: 2
sources:
  - name: bronze
    config:
      external_location: "read_parquet('{{ env_var('SCOUT_LAKEHOUSE_DIR') }}/bronze/{name}/*.parquet')"
    tables:
      - name: transactions
        config:
          loaded_at_field: loaded_at
          freshness: { warn_after: { count: 1, period: hour } }
`,
    );
    await mkdir(join(project, 'models', 'silver'));
    await writeFile(
      join(project, 'models', 'silver', 'silver_nothing.sql'),
      'select 1 as n, current_date as day where false\n',
    );
    for (const layer of ['silver', 'gold', 'platinum']) {
      await mkdir(join(root, 'lakehouse', layer), { recursive: true });
    }
    await mkdir(join(root, 'lakehouse', 'bronze', 'transactions'), {
      recursive: true,
    });
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    await duck.run(
      `copy (select 'x' as transaction_id, now() as loaded_at limit 0)
       to '${join(
         root,
         'lakehouse/bronze/transactions/load.parquet',
       )}' (format parquet)`,
    );
    duck.closeSync();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));
  const invocation = (name: string) => ({
    dbt: {
      ...developmentDbt(repoRoot),
      projectDir: join(root, 'project'),
    },
    target: 'duckdb',
    env: { SCOUT_LAKEHOUSE_DIR: join(root, 'lakehouse') },
    targetPath: join(root, name),
    log: () => {},
  });

  it('writes an empty model as a typed file with no rows, not one row of NULLs', async () => {
    const build = await runDbtBuild(invocation('build'));
    expect(build.failures).toEqual([]);
    expect(build.ok).toBe(true);
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const file = join(root, 'lakehouse/silver/silver_nothing.parquet');
    const rows = await duck.runAndReadAll(
      `select count(*)::int from read_parquet('${file}')`,
    );
    const columns = await duck.runAndReadAll(
      `select column_name, column_type from (describe select * from read_parquet('${file}'))`,
    );
    duck.closeSync();
    expect(rows.getRows()).toEqual([[0]]);
    expect(columns.getRows()).toEqual([
      ['n', 'INTEGER'],
      ['day', 'DATE'],
    ]);
  });

  it('says a source with no rows has none yet, not that its newest is centuries old', async () => {
    const sources = await runDbtSourceFreshness(invocation('freshness'));
    const transactions = sources.find(s => s.source === 'bronze.transactions');
    expect(transactions).toMatchObject({
      maxLoadedAt: null,
      ageSeconds: null,
      empty: true,
    });
    expect(describeFreshness([transactions!])).toMatch(
      /^bronze\.transactions: \w+, no rows yet$/,
    );
  });
});
