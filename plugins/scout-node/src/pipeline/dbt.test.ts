import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbtEnvironment, runDbtBuild, summarizeRunResults } from './dbt';

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
    });
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
