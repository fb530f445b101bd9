import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../bench/backend.ts';
import {
  DASHBOARDS_DIR,
  datasetsOf,
  loadDashboards,
  ManifestError,
  parseDashboard,
} from './manifest.ts';

const valid = `
slug: sales
title: Sales
description: Daily sales.
datasets: [gold.gold_daily_store_sales]
charts:
  - title: Revenue
    type: big_number_total
    dataset: gold.gold_daily_store_sales
    metrics: [{ label: Revenue, sql: SUM(revenue) }]
  - title: Revenue by day
    type: echarts_timeseries_line
    dataset: gold.gold_daily_store_sales
    x_axis: sale_date
    metrics: [{ label: Revenue, sql: SUM(revenue) }]
`;

function faultOf(text: string): string {
  try {
    parseDashboard('sales.yaml', text);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('expected a ManifestError');
}

describe('parseDashboard', () => {
  it('reads a valid dashboard, with defaults', () => {
    const spec = parseDashboard('sales.yaml', valid);
    expect(spec.slug).toBe('sales');
    expect(spec.charts[0].groupby).toEqual([]);
    expect(spec.charts[1].x_axis).toBe('sale_date');
  });

  it('names the file and the path of each fault', () => {
    const text = valid
      .replace('type: big_number_total', 'type: sunburst')
      .replace('    x_axis: sale_date\n', '');
    const message = faultOf(text);
    expect(message).toMatch(/^sales\.yaml: charts\.0\.type: /m);
    expect(message).toMatch(
      /^sales\.yaml: charts\.1\.x_axis: echarts_timeseries_line needs x_axis/m,
    );
  });

  it('refuses a chart on a dataset the dashboard does not list', () => {
    expect(
      faultOf(
        valid.replace(
          'dataset: gold.gold_daily_store_sales\n    x_axis',
          'dataset: gold.gold_payment_mix\n    x_axis',
        ),
      ),
    ).toMatch(
      /sales\.yaml: charts\.1\.dataset: gold\.gold_payment_mix is not in this dashboard's datasets/,
    );
  });

  it('refuses layers other than gold and platinum, unknown keys, bad slugs and chart counts', () => {
    expect(
      faultOf(valid.replace('datasets: [gold.', 'datasets: [silver.')),
    ).toMatch(/sales\.yaml: datasets\.0: must be <layer>\.<model>/);
    expect(faultOf(`${valid}owner: me\n`)).toMatch(/sales\.yaml: .*owner/);
    expect(faultOf(valid.replace('slug: sales', 'slug: Sales Board'))).toMatch(
      /sales\.yaml: slug: must be lower-case words/,
    );
    const oneChart = valid.slice(0, valid.indexOf('  - title: Revenue by day'));
    expect(faultOf(oneChart)).toMatch(/sales\.yaml: charts: /);
  });

  it('wants one metric and one group for a pie', () => {
    const pie = valid.replace(
      'type: big_number_total',
      'type: pie\n    groupby: [region_code, store_id]',
    );
    expect(faultOf(pie)).toMatch(
      /sales\.yaml: charts\.0\.groupby: pie takes exactly one groupby column/,
    );
  });

  it('says when the text is not YAML', () => {
    expect(faultOf('slug: [')).toMatch(/^sales\.yaml: not YAML: /);
  });
});

describe('loadDashboards', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'superset-manifest-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('refuses a chart title used twice across files (the chart key)', async () => {
    await writeFile(join(dir, 'a.yaml'), valid);
    await writeFile(
      join(dir, 'b.yaml'),
      valid.replace('slug: sales', 'slug: sales-two'),
    );
    await expect(loadDashboards(dir)).rejects.toThrow(
      /b\.yaml: charts\.0\.title: "Revenue" is also a chart of a\.yaml/,
    );
  });

  it('reports the faults of every file at once', async () => {
    await writeFile(join(dir, 'a.yaml'), 'slug: A');
    await writeFile(join(dir, 'b.yaml'), 'title: 1');
    await expect(loadDashboards(dir)).rejects.toThrow(
      /a\.yaml: slug: [\s\S]*b\.yaml: /,
    );
  });

  it('holds the five dashboards of the repository, all valid', async () => {
    const files = await loadDashboards(join(repoRoot, DASHBOARDS_DIR));
    expect(files.map(f => f.spec.slug).sort()).toEqual([
      'payment-mix',
      'platinum-ml-features',
      'product-performance',
      'regional-sales',
      'store-performance',
    ]);
    expect(datasetsOf(files)).toEqual([
      'gold.gold_basket_metrics',
      'gold.gold_daily_store_sales',
      'gold.gold_payment_mix',
      'gold.gold_product_performance',
      'gold.gold_region_category_sales',
      'platinum.platinum_product_features',
      'platinum.platinum_store_features',
    ]);
  });
});
