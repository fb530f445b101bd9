import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from '../bench/backend.ts';
import {
  dashboardEntity,
  dashboardExposure,
  generateSupersetOutput,
  staleFiles,
  SUPERSET_DASHBOARD_ANNOTATION,
  SUPERSET_GENERATED,
  tableResourceRef,
} from './generate.ts';
import {
  DASHBOARDS_DIR,
  type DashboardFile,
  loadDashboards,
} from './manifest.ts';

let dashboards: DashboardFile[];
let files: Map<string, string>;
beforeAll(async () => {
  dashboards = await loadDashboards(join(repoRoot, DASHBOARDS_DIR));
  files = await generateSupersetOutput(repoRoot, dashboards);
});

const storePerformance = () =>
  dashboards.find(d => d.file === 'store-performance.yaml')!.spec;

it('names table Resources as the lakehouse provider does for the default catalog', () => {
  expect(tableResourceRef('gold.gold_daily_store_sales')).toBe(
    'resource:default/gold-gold-daily-store-sales',
  );
  expect(tableResourceRef('platinum.platinum_store_features')).toBe(
    'resource:default/platinum-platinum-store-features',
  );
});

it('makes store-performance.yaml a dashboard Resource on its tables and Superset', () => {
  expect(dashboardEntity(storePerformance())).toEqual({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: 'dashboard-store-performance',
      title: 'Store performance',
      description: expect.stringContaining('gold_daily_store_sales'),
      annotations: { 'scout.io/superset-dashboard': 'store-performance' },
      tags: ['superset', 'dashboard'],
    },
    spec: {
      type: 'dashboard',
      owner: 'analytics',
      system: 'scout-presentation',
      dependsOn: [
        'resource:default/gold-gold-basket-metrics',
        'resource:default/gold-gold-daily-store-sales',
        'component:default/superset',
      ],
    },
  });
});

it('makes store-performance.yaml a dbt exposure on its models', () => {
  expect(dashboardExposure(storePerformance())).toEqual({
    name: 'superset_store_performance',
    label: 'Store performance',
    type: 'dashboard',
    maturity: 'medium',
    url: 'http://localhost:3000/dashboards?dashboard=store-performance',
    description: expect.stringContaining('gold_basket_metrics'),
    owner: { name: 'analytics', email: 'analytics@scout.example' },
    depends_on: ["ref('gold_basket_metrics')", "ref('gold_daily_store_sales')"],
  });
});

it('writes one entity and one exposure per dashboard file', () => {
  const entities = parseAllDocuments(files.get(SUPERSET_GENERATED.catalog)!)
    .map(doc => doc.toJS())
    .map(e => e.metadata.annotations[SUPERSET_DASHBOARD_ANNOTATION]);
  const exposures = parse(files.get(SUPERSET_GENERATED.exposures)!).exposures;
  const slugs = dashboards.map(d => d.spec.slug).sort();
  expect(entities).toEqual(slugs);
  expect(exposures.map((e: { name: string }) => e.name)).toEqual(
    slugs.map(s => `superset_${s.replace(/-/g, '_')}`),
  );
});

it('matches the checked-in files (else run ./scripts/yarn scout superset generate)', async () => {
  const stale = await staleFiles(repoRoot, files);
  if (stale.length) {
    throw new Error(
      `files generated from ${DASHBOARDS_DIR} are stale; run ./scripts/yarn scout superset generate and commit:\n  ${stale.join(
        '\n  ',
      )}`,
    );
  }
});

describe('staleFiles', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'superset-generate-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names missing and differing files', async () => {
    await mkdir(join(dir, 'catalog'));
    await writeFile(join(dir, SUPERSET_GENERATED.catalog), 'x');
    expect(await staleFiles(dir, files)).toEqual([
      `${SUPERSET_GENERATED.catalog} (differs)`,
      `${SUPERSET_GENERATED.exposures} (missing)`,
    ]);
  });
});
