import { isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from '../bench/backend.ts';
import { type Command, parseFlags, UsageError } from '../command.ts';
import { localStackSettings } from '../stack/settings.ts';
import { chartData, SupersetClient } from '../superset/client.ts';
import {
  ensureLakehouseDuckdb,
  SUPERSET_DUCKDB_FILE,
} from '../superset/duckdbFile.ts';
import {
  DASHBOARDS_DIR,
  datasetsOf,
  loadDashboards,
} from '../superset/manifest.ts';
import { report } from '../superset/plan.ts';
import {
  DATABASE_NAMES,
  type Engine,
  provision,
} from '../superset/provision.ts';

/** The Trino user Superset connects as; a dedicated read-only user with its own rules is a later step. */
export const SUPERSET_TRINO_USER = 'superset';

const usage = `Usage: scout superset provision [--engine duckdb|trino] [--dry-run] [--dir <folder>]

Creates or updates, through Superset's REST API as the service account
(SCOUT_SUPERSET_USERNAME / SCOUT_SUPERSET_PASSWORD), the dashboards as code
in ${DASHBOARDS_DIR}/ (format: its README.md): the database connection,
a dataset per model read (columns refreshed), the charts (params and query
context), the dashboards (charts laid out) and their embeddings, which
allow the portal's origins (app.baseUrl, backend.baseUrl). Objects are
matched by database name, schema and table, chart title and dashboard slug;
a second run changes nothing. Prints one line per object, a summary, each
chart's row count through /api/v1/chart/data, and the embedded dashboards'
uuids.

Options:
  --engine duckdb   (default) a read-only DuckDB file for Superset,
                    ${SUPERSET_DUCKDB_FILE}, with a view per model over the
                    Parquet of scout.lakehouse.dir (SCOUT_LAKEHOUSE_DIR)
  --engine trino    the stack's Trino, catalog iceberg, schemas gold and
                    platinum, as user "${SUPERSET_TRINO_USER}"
  --dry-run         change nothing; say what would be created or updated
  --dir <folder>    read the dashboards from another folder
Superset's address: SCOUT_SUPERSET_URL, else http://127.0.0.1:SCOUT_SUPERSET_PORT (8088).
`;

/** `scout superset provision`: dashboards as code into Superset, idempotent. */
export const supersetCommand: Command = {
  name: 'superset',
  summary: 'Provision the Superset dashboards of platform-manifests/superset',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        engine: { type: 'string', default: 'duckdb' },
        'dry-run': { type: 'boolean', default: false },
        dir: { type: 'string' },
      },
    });
    if (positionals.length !== 1 || positionals[0] !== 'provision') {
      throw new UsageError('say "provision"');
    }
    const engine = values.engine as Engine;
    if (engine !== 'duckdb' && engine !== 'trino') {
      throw new UsageError(
        `--engine must be duckdb or trino, not "${values.engine}"`,
      );
    }
    const dryRun = values['dry-run'];
    const dashboards = await loadDashboards(
      resolve(values.dir ?? join(repoRoot, DASHBOARDS_DIR)),
    );
    const settings = await localStackSettings();
    const out = (line: string) => process.stdout.write(`${line}\n`);

    let sqlalchemyUri: string;
    if (engine === 'duckdb') {
      const lakehouseDir = process.env.SCOUT_LAKEHOUSE_DIR?.trim()
        ? resolve(repoRoot, process.env.SCOUT_LAKEHOUSE_DIR.trim())
        : settings.stack.dir;
      const file = join(repoRoot, SUPERSET_DUCKDB_FILE);
      const outcome = await ensureLakehouseDuckdb(
        file,
        isAbsolute(lakehouseDir) ? lakehouseDir : resolve(lakehouseDir),
        datasetsOf(dashboards),
        dryRun,
      );
      out(
        `duckdb file ${SUPERSET_DUCKDB_FILE}: ${
          dryRun && outcome !== 'unchanged' ? `would be ${outcome}` : outcome
        }`,
      );
      sqlalchemyUri = `duckdb:///${file}?access_mode=read_only`;
    } else {
      sqlalchemyUri = `trino://${SUPERSET_TRINO_USER}@127.0.0.1:${settings.trino.port}/${settings.trino.icebergCatalog}`;
    }

    const url = process.env.SCOUT_SUPERSET_URL?.trim() || settings.superset.url;
    const api = await SupersetClient.login(url, settings.superset.admin);
    out(
      `Superset ${url} as ${settings.superset.admin.username}: ${
        DATABASE_NAMES[engine]
      }${dryRun ? ' (dry run)' : ''}`,
    );
    const result = await provision(api, {
      engine,
      dashboards,
      sqlalchemyUri,
      allowedDomains: settings.superset.portalOrigins,
      dryRun,
    });
    for (const line of report(result.changes, dryRun)) out(line);
    if (dryRun) return 0;

    // Superset really reads the lakehouse: every chart's saved query runs.
    const failures: string[] = [];
    const counts: string[] = [];
    for (const change of result.changes) {
      if (change.kind !== 'chart' || change.id === undefined) continue;
      try {
        const { rowcount } = await chartData(api, change.id);
        counts.push(`${change.key}: ${rowcount}`);
        if (rowcount === 0) failures.push(`${change.key}: no rows`);
      } catch (error) {
        failures.push(
          `${change.key}: ${error instanceof Error ? error.message : error}`,
        );
      }
    }
    out(`rows per chart (POST /api/v1/chart/data): ${counts.join('; ')}`);
    out('embedded dashboards (uuid for the portal):');
    for (const e of result.embedded) {
      out(`  ${e.slug.padEnd(28)} ${e.uuid ?? '-'}  ${e.title}`);
    }
    if (failures.length) {
      process.stderr.write(
        `charts whose data Superset could not read:\n  ${failures.join(
          '\n  ',
        )}\n`,
      );
      return 1;
    }
    return 0;
  },
};
