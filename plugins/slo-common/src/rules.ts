/**
 * Names of the series that Sloth v0.16.0's generated rules record, and of the
 * alerts they raise, so a backend builds its PromQL from specs (select by
 * `sloth_id`), never from request input.
 */

/** Windows Sloth records the SLI error ratio over (30d: the SLO period). */
export const SLI_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
  '30d',
] as const;
export type SliWindow = (typeof SLI_WINDOWS)[number];

/** `slo:sli_error:ratio_rate<window>` for a window. */
export function sliErrorRatioRule(window: SliWindow): string {
  return `slo:sli_error:ratio_rate${window}`;
}

/** Sloth's metadata recordings; each carries the sloth_* labels below. */
export const SLOTH_RULES = {
  /** Error ratio over 5m divided by the error budget (1 = burning exactly the budget). */
  currentBurnRate: 'slo:current_burn_rate:ratio',
  /** Error ratio over the 30d period divided by the error budget. */
  periodBurnRate: 'slo:period_burn_rate:ratio',
  /** Share of the 30d error budget left: 1 untouched, 0 spent, below 0 overspent. */
  periodErrorBudgetRemaining: 'slo:period_error_budget_remaining:ratio',
  /** The objective as a ratio, e.g. 0.999. */
  objective: 'slo:objective:ratio',
  /** 1 - objective. */
  errorBudget: 'slo:error_budget:ratio',
  /** The period in days (30). */
  timePeriodDays: 'slo:time_period:days',
  /** Constant 1 with the spec's labels (sloth_objective, sloth_version, ...). */
  info: 'sloth_slo_info',
} as const;

/** Labels Sloth puts on every series and alert of an SLO. */
export const SLOTH_LABELS = {
  id: 'sloth_id',
  service: 'sloth_service',
  slo: 'sloth_slo',
  window: 'sloth_window',
  /** `page` or `ticket` on alerts. */
  severity: 'sloth_severity',
} as const;

/**
 * Firing and pending alerts appear in Prometheus' `ALERTS` series with
 * `alertname` (SloDefinition.alertName), `alertstate` and the labels below;
 * Alertmanager routes on `severity`.
 */
export const SLO_ALERTS = {
  metric: 'ALERTS',
  severityLabel: 'severity',
  page: 'page',
  ticket: 'ticket',
} as const;

/**
 * The SRE workbook's multi-window multi-burn-rate alerts as Sloth writes
 * them: an alert fires when both windows burn faster than `factor` times the
 * budget (error ratio > factor × (1 - objective)).
 */
export const BURN_RATE_ALERTS = [
  { severity: 'page', factor: 14.4, long: '1h', short: '5m' },
  { severity: 'page', factor: 6, long: '6h', short: '30m' },
  { severity: 'ticket', factor: 3, long: '1d', short: '2h' },
  { severity: 'ticket', factor: 1, long: '3d', short: '6h' },
] as const;
