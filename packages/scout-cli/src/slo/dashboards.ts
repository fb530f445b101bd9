import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';
import {
  SLI_WINDOWS,
  SLOTH_LABELS,
  SLOTH_RULES,
  type SloDefinition,
  sliErrorRatioRule,
} from '@internal/backstage-plugin-slo-common';

/** The Grafana release the dashboards target (the SDK's 11.6.0-cog builds). */
export const GRAFANA_VERSION = '11.6';

// Every panel reads the Prometheus chosen in the dashboard's variable.
const datasource = { type: 'prometheus', uid: '${datasource}' };

const query = (expr: string, legend: string) =>
  new prometheus.DataqueryBuilder()
    .expr(expr)
    .legendFormat(legend)
    .datasource(datasource);

const thresholds = (steps: dashboard.Threshold[]) =>
  new dashboard.ThresholdsConfigBuilder()
    .mode(dashboard.ThresholdsMode.Absolute)
    .steps(steps);

// Every window an alert looks at (all recorded windows but the 30d period).
const BURN_WINDOWS = SLI_WINDOWS.filter(w => w !== '30d');

function budgetPanel(def: SloDefinition, selector: string) {
  return new stat.PanelBuilder()
    .title(`${def.displayName}: error budget left`)
    .description(`Share of the 30-day error budget of ${def.id} left.`)
    .datasource(datasource)
    .withTarget(
      query(`${SLOTH_RULES.periodErrorBudgetRemaining}${selector}`, 'budget'),
    )
    .unit('percentunit')
    .graphMode(common.BigValueGraphMode.Area)
    .thresholds(
      thresholds([
        { value: null, color: 'red' },
        { value: 0, color: 'orange' },
        { value: 0.25, color: 'green' },
      ]),
    )
    .height(6)
    .span(6);
}

function burnRatePanel(def: SloDefinition, selector: string) {
  const budget = 1 - def.objective;
  const panel = new timeseries.PanelBuilder()
    .title(`${def.displayName}: burn rate per window`)
    .description(
      'Error ratio over each alert window divided by the error budget; 1 spends the budget in exactly 30 days. Pages at 14.4 (1h and 5m) and 6 (6h and 30m), tickets at 3 (1d and 2h) and 1 (3d and 6h).',
    )
    .datasource(datasource)
    .min(0)
    .thresholds(
      thresholds([
        { value: null, color: 'green' },
        { value: 1, color: 'orange' },
        { value: 14.4, color: 'red' },
      ]),
    )
    .thresholdsStyle(
      new common.GraphThresholdsStyleConfigBuilder().mode(
        common.GraphThresholdsStyleMode.Dashed,
      ),
    )
    .height(6)
    .span(9);
  for (const window of BURN_WINDOWS) {
    panel.withTarget(
      query(`${sliErrorRatioRule(window)}${selector} / ${budget}`, window),
    );
  }
  return panel;
}

function sliPanel(def: SloDefinition, selector: string) {
  return new timeseries.PanelBuilder()
    .title(`${def.displayName}: SLI over 30 days`)
    .description(
      `Share of good ${
        def.sli.type === 'ratio' ? 'requests' : 'minutes'
      } over the rolling 30 days; the objective is ${def.objective}.`,
    )
    .datasource(datasource)
    .withTarget(query(`1 - ${sliErrorRatioRule('30d')}${selector}`, 'SLI'))
    .withTarget(query(`${SLOTH_RULES.objective}${selector}`, 'objective'))
    .unit('percentunit')
    .decimals(3)
    .height(6)
    .span(9);
}

/**
 * One Grafana dashboard per service: for each of its SLOs a row with the
 * error budget left, the burn rate over every alert window and the SLI over
 * 30 days, all read from Sloth's recorded series by `sloth_id`.
 */
export function serviceDashboard(
  service: string,
  definitions: readonly SloDefinition[],
): dashboard.Dashboard {
  const builder = new dashboard.DashboardBuilder(`SLOs: ${service}`)
    .uid(`slo-${service}`)
    .description(
      `Error budgets, burn rates and SLIs of ${service}, from the Sloth rules scout slo generate writes.`,
    )
    .tags(['slo', 'sloth', service])
    .time({ from: 'now-30d', to: 'now' })
    .refresh('1m')
    .readonly()
    .withVariable(
      new dashboard.DatasourceVariableBuilder('datasource')
        .label('Prometheus')
        .type('prometheus'),
    );
  for (const def of definitions) {
    const selector = `{${SLOTH_LABELS.id}="${def.id}"}`;
    builder
      .withRow(new dashboard.RowBuilder(`${def.displayName} (${def.id})`))
      .withPanel(budgetPanel(def, selector))
      .withPanel(burnRatePanel(def, selector))
      .withPanel(sliPanel(def, selector));
  }
  return builder.build();
}
