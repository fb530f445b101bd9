// `scout superset provision` against the real, running Superset (and the
// embedded lakehouse's Parquet under .scout/lakehouse). Not part of
// scripts/test.sh (CI runs no Superset); by hand, once
// `./scripts/yarn scout stack up superset` is up and a pipeline run has
// published gold:
//   node --require @backstage/cli/config/nodeTransform.cjs --test \
//     packages/scout-cli/src/superset/provision.lifecycle.ts
// It skips, saying why, when no Superset answers at SCOUT_SUPERSET_URL
// (default http://127.0.0.1:SCOUT_SUPERSET_PORT, 8088). It provisions that
// Superset's dashboards as the command would, and leaves them so, on the
// engine of SCOUT_SUPERSET_ENGINE: duckdb (default; the Parquet files a
// pipeline run published) or trino (CI: the stack's Iceberg tables, read as
// Trino's read-only user superset, after the portal's first run).
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import test from 'node:test';
import { promisify } from 'node:util';
import { repoRoot } from '../bench/backend.ts';
import { envPort } from '../stack/settings.ts';
import {
  chartData,
  createTrinoSql,
  SUPERSET_DEV_DEFAULTS,
  SupersetClient,
} from '@internal/backstage-plugin-scout-node';
import { DASHBOARDS_DIR } from './manifest.ts';

const run = promisify(execFile);
const url =
  process.env.SCOUT_SUPERSET_URL?.trim() ||
  `http://127.0.0.1:${envPort(process.env, 'SCOUT_SUPERSET_PORT', 8088)}`;

/** Why the test cannot run here, if it cannot: no Superset answers. */
async function skipReason(): Promise<string | undefined> {
  const health = await fetch(`${url}/health`, {
    signal: AbortSignal.timeout(5_000),
  }).catch(() => undefined);
  return health?.ok
    ? undefined
    : `no Superset answers at ${url}/health: start it with ./scripts/yarn scout stack up superset`;
}

const engine = process.env.SCOUT_SUPERSET_ENGINE?.trim() || 'duckdb';
const trinoUrl = `http://127.0.0.1:${envPort(
  process.env,
  'SCOUT_TRINO_PORT',
  8080,
)}`;

async function provision(...args: string[]) {
  const { stdout } = await run(
    join(repoRoot, 'scripts/yarn'),
    ['scout', 'superset', 'provision', '--engine', engine, ...args],
    { cwd: repoRoot, maxBuffer: 2 ** 24 },
  );
  return stdout;
}

/** The object lines (kind, key, outcome) of a provision run's output. */
function changed(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(line => /^(database|dataset|chart|dashboard|embedding) /.test(line))
    .filter(line => !/\sunchanged$/.test(line))
    .map(line => line.replace(/\s+/g, ' ').trim());
}

/** sum(transactions) of gold_payment_mix, read by the engine's own means. */
async function transactionsInGold(): Promise<number> {
  if (engine === 'trino') {
    // As the user Superset connects as: its rules let it read gold.
    const sql = createTrinoSql({ server: trinoUrl, user: 'superset' });
    const [[n]] = await sql(
      'select sum(transactions) from iceberg.gold.gold_payment_mix',
    );
    return Number(n);
  }
  const parquet = join(
    resolve(repoRoot, process.env.SCOUT_LAKEHOUSE_DIR || '.scout/lakehouse'),
    'gold/gold_payment_mix.parquet',
  );
  const duck = await DuckDBInstance.create(':memory:');
  try {
    const connection = await duck.connect();
    const reader = await connection.runAndReadAll(
      `select sum(transactions)::double as n from read_parquet('${parquet.replace(
        /'/g,
        "''",
      )}')`,
    );
    connection.closeSync();
    return Number(reader.getRowObjects()[0].n);
  } finally {
    duck.closeSync();
  }
}

test(
  'provision creates the dashboards once, changes exactly what the files change, and the charts read gold',
  { timeout: 10 * 60_000 },
  async t => {
    const reason = await skipReason();
    // CI starts Superset: there, its absence is a failure, not a skip.
    if (reason && process.env.CI) assert.fail(reason);
    if (reason) {
      t.skip(reason);
      return;
    }

    // Twice: the second run finds everything as the files say.
    await provision();
    const second = await provision();
    assert.match(second, /nothing to change: all \d+ objects unchanged/);
    assert.deepEqual(changed(second), []);
    if (engine === 'duckdb') {
      assert.match(second, /^duckdb file .*: unchanged$/m);
    }
    const uuids = [...second.matchAll(/^ {2}(\S+)\s+([0-9a-f-]{36}) /gm)].map(
      m => m[1],
    );
    assert.deepEqual(uuids.sort(), [
      'payment-mix',
      'platinum-ml-features',
      'product-performance',
      'regional-sales',
      'store-performance',
    ]);

    // One chart's title changed in a copy of the folder: that chart alone.
    const dir = await mkdtemp(join(tmpdir(), 'superset-dashboards-'));
    try {
      await cp(join(repoRoot, DASHBOARDS_DIR), dir, { recursive: true });
      const file = join(dir, 'payment-mix.yaml');
      const text = await readFile(file, 'utf8');
      const renamedText = text.replace(
        '- title: Payment mix by region\n',
        '- title: Payment mix by region (renamed)\n',
      );
      assert.notEqual(renamedText, text);
      await writeFile(file, renamedText);
      const renamed = await provision('--dir', dir);
      assert.deepEqual(changed(renamed), [
        'chart Payment mix by region (renamed) updated (slice_name)',
      ]);
      assert.match(renamed, /^0 created, 1 updated, \d+ unchanged$/m);
    } finally {
      // Back as the repository's files say: the same chart, renamed back.
      const restored = await provision();
      assert.deepEqual(changed(restored), [
        'chart Payment mix by region updated (slice_name)',
      ]);
      await rm(dir, { recursive: true, force: true });
    }

    // A chart's saved query context answers with real gold rows.
    const api = await SupersetClient.login(url, {
      username:
        process.env.SCOUT_SUPERSET_USERNAME?.trim() ||
        SUPERSET_DEV_DEFAULTS.username,
      password:
        process.env.SCOUT_SUPERSET_PASSWORD?.trim() ||
        SUPERSET_DEV_DEFAULTS.password,
    });
    const { result: charts } = await api.get<{
      result: { id: number; slice_name: string }[];
    }>(
      `/api/v1/chart/?q=${encodeURIComponent(
        "(filters:!((col:slice_name,opr:eq,value:'Transactions by payment method')))",
      )}`,
    );
    assert.equal(charts.length, 1);
    const { rowcount, data } = await chartData(api, charts[0].id);
    assert.ok(rowcount > 0, 'the chart has rows');
    const methods = data.map(row => row.payment_method);
    assert.ok(methods.includes('cash'), `cash among ${methods.join(', ')}`);
    const total = data.reduce((sum, row) => sum + Number(row.Transactions), 0);
    // The same total as the engine reads from the table itself.
    assert.equal(total, await transactionsInGold());
    assert.ok(total > 0, 'transactions are counted');
    if (engine === 'trino') {
      // Superset's Trino user reads gold and platinum, and nothing else.
      const asSuperset = createTrinoSql({ server: trinoUrl, user: 'superset' });
      await assert.rejects(
        asSuperset('select count(*) from iceberg.silver.silver_transactions'),
        /Access Denied/,
      );
    }
  },
);
