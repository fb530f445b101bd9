import { isAbsolute, join, resolve } from 'node:path';
import { repoRoot } from '../bench/backend.ts';
import { type Command, parseFlags, UsageError } from '../command.ts';
import { localStackSettings } from '../stack/settings.ts';
import {
  chartData,
  SupersetClient,
} from '@internal/backstage-plugin-scout-node';
import {
  ensureLakehouseDuckdb,
  SUPERSET_DUCKDB_FILE,
} from '../superset/duckdbFile.ts';
import {
  generateSupersetOutput,
  staleFiles,
  SUPERSET_GENERATED,
  writeGenerated,
} from '../superset/generate.ts';
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

/**
 * The Trino user Superset connects as: read-only, with rules of its own in
 * platform-manifests/config/trino/etc/rules.json (SELECT and SHOW on the
 * iceberg catalog's gold and platinum schemas, nothing else).
 */
export const SUPERSET_TRINO_USER = 'superset';

const usage = `Usage: scout superset provision [--engine duckdb|trino] [--dry-run] [--dir <folder>]
       scout superset generate [--check]

provision:
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

generate:
Writes, from the dashboards in ${DASHBOARDS_DIR}/, what the rest of the
repository knows of them; run it after changing a dashboard file and commit
the result:
  ${SUPERSET_GENERATED.catalog}
      a catalog Resource per dashboard (type dashboard), depending on the
      lakehouse tables it reads and on Superset
  ${SUPERSET_GENERATED.exposures}
      a dbt exposure per dashboard, depending on the models it reads

Options:
  --check   write nothing; exit 1 naming each file that differs from a fresh
            generation (the committed output is stale)
`;

/**
 * `scout superset provision`: dashboards as code into Superset, idempotent;
 * `scout superset generate`: their catalog entities and dbt exposures.
 */
export const supersetCommand: Command = {
  name: 'superset',
  summary:
    'Provision the Superset dashboards of platform-manifests/superset, or generate their catalog entities and dbt exposures',
  usage,
  async run(args) {
    const { values, positionals } = parseFlags({
      args,
      allowPositionals: true,
      options: {
        engine: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        dir: { type: 'string' },
        check: { type: 'boolean', default: false },
      },
    });
    const [action] = positionals;
    if (
      positionals.length !== 1 ||
      (action !== 'provision' && action !== 'generate')
    ) {
      throw new UsageError('say "provision" or "generate"');
    }
    if (action === 'generate') {
      if (values.engine !== undefined || values['dry-run'] || values.dir) {
        throw new UsageError(
          'generate takes --check only (--engine, --dry-run and --dir are for provision)',
        );
      }
      return generate(values.check);
    }
    if (values.check) {
      throw new UsageError('--check is for generate');
    }
    const engine = (values.engine ?? 'duckdb') as Engine;
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
    out(
      'embedded dashboards (the portal finds them itself; slug, uuid, title):',
    );
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

// `scout superset generate [--check]`: the catalog entities and dbt exposures
// of the dashboards, as `scout slo generate` writes its output.
async function generate(check: boolean): Promise<number> {
  const files = await generateSupersetOutput(
    repoRoot,
    await loadDashboards(join(repoRoot, DASHBOARDS_DIR)),
  );
  if (check) {
    const stale = await staleFiles(repoRoot, files);
    if (stale.length) {
      process.stderr.write(
        `the files generated from the Superset dashboards are stale; run ./scripts/yarn scout superset generate and commit:\n${stale
          .map(s => `  ${s}`)
          .join('\n')}\n`,
      );
      return 1;
    }
    process.stdout.write(
      `${files.size} files generated from the Superset dashboards are up to date\n`,
    );
    return 0;
  }
  await writeGenerated(repoRoot, files);
  process.stdout.write(`wrote ${[...files.keys()].join(', ')}\n`);
  return 0;
}
