import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** Where the dashboards as code live, relative to the repository root. */
export const DASHBOARDS_DIR = 'platform-manifests/superset';

/** The lakehouse layers a dashboard may read; Superset sees nothing else. */
export const LAYERS = ['gold', 'platinum'] as const;

/** The Superset 6.1 chart types this format knows how to build. */
export const CHART_TYPES = [
  'big_number_total',
  'echarts_timeseries_line',
  'echarts_timeseries_bar',
  'pie',
  'table',
] as const;

export type ChartType = (typeof CHART_TYPES)[number];

const identifier = z
  .string()
  .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case SQL identifier');

const datasetRef = z
  .string()
  .regex(
    /^(gold|platinum)\.[a-z_][a-z0-9_]*$/,
    'must be <layer>.<model> with layer gold or platinum',
  );

const metric = z.strictObject({
  label: z.string().min(1),
  sql: z.string().min(1),
});

const chart = z
  .strictObject({
    title: z.string().min(1).max(250),
    type: z.enum(CHART_TYPES),
    dataset: datasetRef,
    description: z.string().optional(),
    metrics: z.array(metric).min(1),
    groupby: z.array(identifier).default([]),
    x_axis: identifier.optional(),
    row_limit: z.number().int().min(1).max(10_000).optional(),
    /** Grid columns out of 12. */
    width: z.number().int().min(1).max(12).optional(),
  })
  .superRefine((c, ctx) => {
    const timeseries = c.type.startsWith('echarts_timeseries');
    if (timeseries && !c.x_axis) {
      ctx.addIssue({
        code: 'custom',
        path: ['x_axis'],
        message: `${c.type} needs x_axis (a date column)`,
      });
    }
    if (!timeseries && c.x_axis) {
      ctx.addIssue({
        code: 'custom',
        path: ['x_axis'],
        message: `only timeseries charts take x_axis, not ${c.type}`,
      });
    }
    if (
      (c.type === 'big_number_total' || c.type === 'pie') &&
      c.metrics.length !== 1
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['metrics'],
        message: `${c.type} takes exactly one metric`,
      });
    }
    if (c.type === 'big_number_total' && c.groupby.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupby'],
        message: 'big_number_total takes no groupby',
      });
    }
    if (c.type === 'pie' && c.groupby.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['groupby'],
        message: 'pie takes exactly one groupby column',
      });
    }
  });

const dashboard = z
  .strictObject({
    slug: z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'must be lower-case words joined by -',
      ),
    title: z.string().min(1).max(500),
    description: z.string().min(1),
    datasets: z.array(datasetRef).min(1),
    charts: z.array(chart).min(2).max(4),
  })
  .superRefine((d, ctx) => {
    d.charts.forEach((c, i) => {
      if (!d.datasets.includes(c.dataset)) {
        ctx.addIssue({
          code: 'custom',
          path: ['charts', i, 'dataset'],
          message: `${
            c.dataset
          } is not in this dashboard's datasets (${d.datasets.join(', ')})`,
        });
      }
    });
  });

export type ChartSpec = z.output<typeof chart>;
export type MetricSpec = z.output<typeof metric>;
export type DashboardSpec = z.output<typeof dashboard>;
/** A dashboard with the file it came from (relative to the folder). */
export type DashboardFile = { file: string; spec: DashboardSpec };

/** A manifest that does not parse or validate; the message names file and path. */
export class ManifestError extends Error {
  name = 'ManifestError';
}

function where(file: string, path: readonly PropertyKey[]): string {
  return path.length ? `${file}: ${path.map(String).join('.')}` : file;
}

/** Parses and validates one dashboard file's text; throws a ManifestError naming `file` and the path of each fault. */
export function parseDashboard(file: string, text: string): DashboardSpec {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ManifestError(
      `${file}: not YAML: ${error instanceof Error ? error.message : error}`,
    );
  }
  const result = dashboard.safeParse(raw);
  if (!result.success) {
    throw new ManifestError(
      result.error.issues
        .map(issue => `${where(file, issue.path)}: ${issue.message}`)
        .join('\n'),
    );
  }
  return result.data;
}

/**
 * Checks what spans files: slugs and chart titles (Superset's stable keys
 * for dashboards and charts) are unique across the folder.
 */
export function checkDashboards(files: readonly DashboardFile[]): void {
  const problems: string[] = [];
  const slugs = new Map<string, string>();
  const titles = new Map<string, string>();
  for (const { file, spec } of files) {
    const slugOwner = slugs.get(spec.slug);
    if (slugOwner) {
      problems.push(`${file}: slug: "${spec.slug}" is also ${slugOwner}'s`);
    }
    slugs.set(spec.slug, file);
    spec.charts.forEach((c, i) => {
      const owner = titles.get(c.title);
      if (owner) {
        problems.push(
          `${file}: charts.${i}.title: "${c.title}" is also a chart of ${owner} (chart titles are Superset's keys)`,
        );
      }
      titles.set(c.title, file);
    });
  }
  if (problems.length) throw new ManifestError(problems.join('\n'));
}

/** Reads every `*.yaml` dashboard in `dir` (sorted by name), validated. */
export async function loadDashboards(dir: string): Promise<DashboardFile[]> {
  const names = (await readdir(dir))
    .filter(name => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort();
  if (!names.length) {
    throw new ManifestError(`${dir}: no dashboard files (*.yaml)`);
  }
  const files: DashboardFile[] = [];
  const problems: string[] = [];
  for (const name of names) {
    try {
      files.push({
        file: name,
        spec: parseDashboard(name, await readFile(join(dir, name), 'utf8')),
      });
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new ManifestError(problems.join('\n'));
  checkDashboards(files);
  return files;
}

/** Every dataset the dashboards read, as `layer.model`, sorted and unique. */
export function datasetsOf(files: readonly DashboardFile[]): string[] {
  return [...new Set(files.flatMap(f => f.spec.datasets))].sort();
}
