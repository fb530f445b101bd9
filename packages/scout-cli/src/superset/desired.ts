import type { ChartSpec, DashboardSpec, MetricSpec } from './manifest.ts';

/** Rows a chart asks for when its file says nothing. */
const DEFAULT_ROW_LIMIT: Record<ChartSpec['type'], number> = {
  big_number_total: 1,
  pie: 25,
  table: 100,
  echarts_timeseries_line: 10_000,
  echarts_timeseries_bar: 10_000,
};

/** Grid columns (of 12) a chart takes when its file says nothing. */
const DEFAULT_WIDTH: Record<ChartSpec['type'], number> = {
  big_number_total: 3,
  pie: 6,
  table: 12,
  echarts_timeseries_line: 6,
  echarts_timeseries_bar: 6,
};

function optionName(label: string): string {
  return `metric_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`;
}

/** A metric as Superset's explore view writes an ad-hoc SQL metric. */
export function adhocMetric(m: MetricSpec) {
  return {
    expressionType: 'SQL',
    sqlExpression: m.sql,
    label: m.label,
    hasCustomLabel: true,
    optionName: optionName(m.label),
  };
}

function isTimeseries(type: ChartSpec['type']): boolean {
  return type.startsWith('echarts_timeseries');
}

/** The chart's form data (Superset's `params`), as the explore view saves it. */
export function chartParams(
  c: ChartSpec,
  datasetId: number,
): Record<string, unknown> {
  const metrics = c.metrics.map(adhocMetric);
  const base = {
    viz_type: c.type,
    datasource: `${datasetId}__table`,
    adhoc_filters: [],
    time_range: 'No filter',
    row_limit: c.row_limit ?? DEFAULT_ROW_LIMIT[c.type],
  };
  switch (c.type) {
    case 'big_number_total':
      return {
        ...base,
        metric: metrics[0],
        header_font_size: 0.4,
        subheader_font_size: 0.15,
        y_axis_format: 'SMART_NUMBER',
      };
    case 'pie':
      return {
        ...base,
        metric: metrics[0],
        groupby: c.groupby,
        sort_by_metric: true,
        show_labels: true,
        show_legend: true,
        label_type: 'key_percent',
        number_format: 'SMART_NUMBER',
        donut: false,
      };
    case 'table':
      return {
        ...base,
        query_mode: 'aggregate',
        groupby: c.groupby,
        metrics,
        all_columns: [],
        percent_metrics: [],
        timeseries_limit_metric: metrics[0],
        order_desc: true,
        server_page_length: 10,
      };
    case 'echarts_timeseries_line':
    case 'echarts_timeseries_bar':
      return {
        ...base,
        x_axis: c.x_axis,
        time_grain_sqla: 'P1D',
        metrics,
        groupby: c.groupby,
        order_desc: true,
        show_legend: true,
        rich_tooltip: true,
        x_axis_time_format: 'smart_date',
        y_axis_format: 'SMART_NUMBER',
      };
    default: {
      const never: never = c.type;
      throw new Error(`unknown chart type ${never}`);
    }
  }
}

/**
 * The chart's saved query context: what POST /api/v1/chart/data runs for
 * it (reports, thumbnails, the portal), the same query the chart's own
 * buildQuery makes from `params`, without post-processing.
 */
export function chartQueryContext(
  c: ChartSpec,
  datasetId: number,
): Record<string, unknown> {
  const params = chartParams(c, datasetId);
  const metrics = c.metrics.map(adhocMetric);
  const columns: unknown[] = isTimeseries(c.type)
    ? [
        {
          timeGrain: 'P1D',
          columnType: 'BASE_AXIS',
          sqlExpression: c.x_axis,
          label: c.x_axis,
          expressionType: 'SQL',
        },
        ...c.groupby,
      ]
    : [...c.groupby];
  const orderby =
    c.type === 'big_number_total' || isTimeseries(c.type)
      ? []
      : [[metrics[0], false]];
  return {
    datasource: { id: datasetId, type: 'table' },
    force: false,
    queries: [
      {
        filters: [],
        extras: { having: '', where: '' },
        applied_time_extras: {},
        columns,
        metrics,
        orderby,
        annotation_layers: [],
        row_limit: params.row_limit,
        series_limit: 0,
        order_desc: true,
        url_params: {},
        custom_params: {},
        custom_form_data: {},
        time_range: 'No filter',
        ...(isTimeseries(c.type) ? { series_columns: c.groupby } : {}),
      },
    ],
    form_data: params,
    result_format: 'json',
    result_type: 'full',
  };
}

/** A provisioned chart as the dashboard layout needs it. */
export type PlacedChart = {
  id: number;
  uuid: string;
  spec: ChartSpec;
};

const CHART_HEIGHT = 50;

/**
 * The dashboard's layout (position_json): the description as a Markdown
 * row, then the charts in file order, packed into rows of 12 columns.
 */
export function dashboardPosition(
  d: DashboardSpec,
  charts: readonly PlacedChart[],
): Record<string, unknown> {
  const position: Record<string, unknown> = {
    DASHBOARD_VERSION_KEY: 'v2',
    ROOT_ID: { type: 'ROOT', id: 'ROOT_ID', children: ['GRID_ID'] },
    HEADER_ID: { type: 'HEADER', id: 'HEADER_ID', meta: { text: d.title } },
  };
  const rows: string[][] = [['MARKDOWN-description']];
  position['MARKDOWN-description'] = {
    type: 'MARKDOWN',
    id: 'MARKDOWN-description',
    children: [],
    parents: ['ROOT_ID', 'GRID_ID', 'ROW-0'],
    meta: { width: 12, height: 12, code: d.description.trim() },
  };
  let used = 12;
  charts.forEach((chart, i) => {
    const width = chart.spec.width ?? DEFAULT_WIDTH[chart.spec.type];
    if (used + width > 12) {
      rows.push([]);
      used = 0;
    }
    used += width;
    const id = `CHART-${i + 1}`;
    rows[rows.length - 1].push(id);
    position[id] = {
      type: 'CHART',
      id,
      children: [],
      parents: ['ROOT_ID', 'GRID_ID', `ROW-${rows.length - 1}`],
      meta: {
        width,
        height: CHART_HEIGHT,
        chartId: chart.id,
        // No sliceName: the dashboard shows the chart's own, so a renamed
        // chart leaves the layout as it is.
        uuid: chart.uuid,
      },
    };
  });
  rows.forEach((children, r) => {
    position[`ROW-${r}`] = {
      type: 'ROW',
      id: `ROW-${r}`,
      children,
      parents: ['ROOT_ID', 'GRID_ID'],
      meta: { background: 'BACKGROUND_TRANSPARENT' },
    };
  });
  position.GRID_ID = {
    type: 'GRID',
    id: 'GRID_ID',
    children: rows.map((_, r) => `ROW-${r}`),
    parents: ['ROOT_ID'],
  };
  return position;
}
