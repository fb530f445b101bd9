import { InputError } from '@backstage/errors';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { lineageDatabases } from '../__testUtils__/databases';
import { readStaticPassConfig } from '../config';
import { ConfigReader } from '@backstage/config';
import { DbtArtifactImporter } from './DbtArtifactImporter';
import { FieldLineage } from './FieldLineage';
import { LineageGraph } from './LineageGraph';
import { LineageStore } from './LineageStore';
import { bronzeLoad } from './pipelineRuns';
import { recordPlatformLineage } from './platformLineage';
import { runStaticPass } from './staticPass';
import { mockServices } from '@backstage/backend-test-utils';
import { PLATFORM_API_NAMESPACE } from '@internal/backstage-plugin-scout-common';
import { shopCatalog, shopManifest } from '../__testUtils__/dbtProject';

// The real Scout project, compiled by dbt on the embedded engine's target,
// through the real static pass (the venv's Python and sqlglot).
const NS = 'duckdb://lakehouse';
const RENAME = { scout: 'lakehouse' };
const GOLD = 'lakehouse.gold.gold_daily_store_sales';
// app-config.yaml's rule: the scout database's tables in one namespace.
const SHIPPED_REWRITES = [
  {
    pattern: /^postgresql\.scout\./,
    replacement: 'scout.scout.',
    namespace: 'postgres://scout',
  },
];
const PG = 'postgres://scout';
const { python } = readStaticPassConfig(new ConfigReader({}));
const databases = lineageDatabases();
const BRONZE_LOAD = bronzeLoad();
let dir: string;
let manifestPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lineage-static-'));
  manifestPath = join(dir, 'target/manifest.json');
  await promisify(execFile)(
    join(repositoryRoot(), 'scripts/dbt'),
    ['compile', '--target', 'duckdb', '--target-path', join(dir, 'target')],
    { env: { ...process.env, SCOUT_LAKEHOUSE_DIR: dir } },
  );
}, 180_000);
afterAll(async () => {
  await databases.closeAll();
  await rm(dir, { recursive: true, force: true });
});

describe.each(databases.ids)('the static pass on the Scout project, %s', id => {
  let importer: DbtArtifactImporter;
  let graph: LineageGraph;
  let fields: FieldLineage;

  beforeAll(async () => {
    const db = await databases.init(id);
    const store = new LineageStore(db, SHIPPED_REWRITES);
    await recordPlatformLineage({
      store,
      python,
      migrationsDir: join(repositoryRoot(), 'migrations'),
      namespace: NS,
      logger: mockServices.logger.mock(),
    });
    graph = new LineageGraph(db, { maxDepth: 20, maxNodes: 2000 });
    fields = new FieldLineage(db, graph);
    importer = new DbtArtifactImporter(store, python);
  }, 60_000);

  // Two runs of the Python static pass: seconds each on a busy machine.
  it('derives every model and records them once', async () => {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    const models = Object.values(manifest.nodes).filter(
      (n: any) => n.resource_type === 'model',
    ).length;
    const first = await importer.importFiles({
      manifestPath,
      namespace: NS,
      renameDatabase: RENAME,
      sqlJobs: BRONZE_LOAD,
    });
    expect(first).toMatchObject({
      models,
      warnings: [],
      recorded: first.events,
    });
    expect(first.events).toBe(
      models + Object.keys(manifest.exposures).length + BRONZE_LOAD.length,
    );
    const again = await importer.importFiles({
      manifestPath,
      namespace: NS,
      renameDatabase: RENAME,
      sqlJobs: BRONZE_LOAD,
    });
    expect(again.recorded).toBe(0);
  }, 60_000);

  it("leaves the pipeline's lineage alone when the same project is imported under another namespace", async () => {
    const other = await importer.importFiles({
      manifestPath,
      namespace: 'walk://test',
    });
    expect(other.recorded).toBe(other.events);
    const { graph: nodes } = await graph.lineage(
      { type: 'dataset', namespace: NS, name: GOLD },
      1,
    );
    expect(nodes.map(n => n.id)).toContain(
      `job:${NS}:model.scout.gold_daily_store_sales`,
    );
    const { graph: imported } = await graph.lineage(
      {
        type: 'dataset',
        namespace: 'walk://test',
        name: 'scout.gold.gold_daily_store_sales',
      },
      1,
    );
    expect(imported.map(n => n.id)).toContain(
      'job:walk://test:model.scout.gold_daily_store_sales',
    );
  });

  it('gives gold_daily_store_sales its upstream and downstream', async () => {
    const { graph: nodes } = await graph.lineage(
      { type: 'dataset', namespace: NS, name: GOLD },
      2,
    );
    const names = nodes.map(n => n.id);
    expect(names).toEqual(
      expect.arrayContaining([
        `dataset:${NS}:lakehouse.silver.silver_transactions`,
        `dataset:${NS}:lakehouse.bronze.transactions`,
        `dataset:${NS}:lakehouse.silver.silver_line_items`,
        `job:${NS}:model.scout.gold_daily_store_sales`,
        `job:${NS}:exposure.scout.lakehouse_browser`,
      ]),
    );
  });

  it('follows revenue back through bronze and the scout database to the ingest payload', async () => {
    const answer = await fields.columnLineage(
      { namespace: NS, name: GOLD },
      'revenue',
      10,
      false,
    );
    const inputs = new Map(
      answer.graph.map(n => [
        `${n.data.dataset}:${n.data.field}`,
        n.data.inputFields.map(i => `${i.dataset}:${i.field}`),
      ]),
    );
    const revenue = answer.graph.find(
      n => n.data.dataset === GOLD && n.data.field === 'revenue',
    )!;
    expect(revenue.data.inputFields).toEqual([
      expect.objectContaining({
        dataset: 'lakehouse.silver.silver_transactions',
        field: 'total',
        transformationType: 'DIRECT',
        transformationSubtype: 'AGGREGATION',
      }),
    ]);
    // dbt, the bronze load, promotion, then ingest-transaction.
    expect(inputs.get('lakehouse.silver.silver_transactions:total')).toEqual([
      'lakehouse.bronze.transactions:total',
    ]);
    expect(inputs.get('lakehouse.bronze.transactions:total')).toEqual([
      'scout.scout.silver_transactions:total',
    ]);
    expect(inputs.get('scout.scout.silver_transactions:total')).toEqual([
      'scout.scout.bronze_transactions:payload.total',
    ]);
    expect(inputs.get('scout.scout.bronze_transactions:payload.total')).toEqual(
      ['ingest-transaction.Transaction:total'],
    );
    expect(answer.graph.map(n => n.id)).toContain(
      `datasetField:${PLATFORM_API_NAMESPACE}:ingest-transaction.Transaction:total`,
    );
    expect(
      answer.graph.find(n => n.data.field === 'payload.total')!.data.namespace,
    ).toBe(PG);
  });

  it('lists exactly the gold and platinum models that read silver total', async () => {
    const impact = await fields.impact({
      namespace: NS,
      dataset: 'lakehouse.silver.silver_transactions',
      field: 'total',
    });
    expect(impact.datasets.map(d => d.name).sort()).toEqual([
      'lakehouse.gold.gold_basket_metrics',
      'lakehouse.gold.gold_daily_store_sales',
      'lakehouse.gold.gold_payment_mix',
      'lakehouse.platinum.platinum_store_features',
    ]);
  });
});

describe('the static pass on any dbt project', () => {
  it('matches columns across quoting and case, through stars and unions', async () => {
    const at = await mkdtemp(join(tmpdir(), 'lineage-any-'));
    try {
      await writeFile(join(at, 'm.json'), JSON.stringify(shopManifest));
      await writeFile(join(at, 'c.json'), JSON.stringify(shopCatalog));
      const { events, summary } = await runStaticPass(python, {
        manifestPath: join(at, 'm.json'),
        catalogPath: join(at, 'c.json'),
      });
      const orders = events.find(e => e.job.name === 'model.shop.orders')!;
      const lineage = (orders.outputs![0].facets as any).columnLineage.fields;
      expect(orders.outputs![0].name).toBe('ANALYTICS.STAGING.ORDERS');
      // Sorted by dataset: the union's second branch, then the CTE's source.
      expect(lineage.AMOUNT_CENTS.inputFields).toEqual([
        expect.objectContaining({
          name: 'RAW.SHOP.OLD_ORDERS',
          field: 'AMOUNT',
          transformations: [{ type: 'DIRECT', subtype: 'IDENTITY' }],
        }),
        expect.objectContaining({
          namespace: 'snowflake://shop',
          name: 'RAW.SHOP.ORDERS',
          field: 'AMOUNT',
          transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION' }],
        }),
      ]);
      // SQL sqlglot cannot parse keeps its table lineage, with a warning.
      const broken = events.find(e => e.job.name === 'model.shop.broken')!;
      expect(broken.inputs!.map(i => i.name)).toEqual([
        'ANALYTICS.STAGING.ORDERS',
      ]);
      expect(summary.warnings).toEqual([
        expect.stringMatching(/^model\.shop\.broken: sqlglot could not parse/),
      ]);
    } finally {
      await rm(at, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a manifest, saying why', async () => {
    const at = await mkdtemp(join(tmpdir(), 'lineage-bad-'));
    try {
      await writeFile(join(at, 'm.json'), '{"metadata": {}}');
      await expect(
        runStaticPass(python, { manifestPath: join(at, 'm.json') }),
      ).rejects.toThrow(
        new InputError(
          `${join(at, 'm.json')} is not a dbt manifest.json (no nodes)`,
        ),
      );
    } finally {
      await rm(at, { recursive: true, force: true });
    }
  });
});
