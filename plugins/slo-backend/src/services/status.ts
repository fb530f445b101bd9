import {
  BURN_RATE_ALERTS,
  type SloDefinition,
} from '@internal/backstage-plugin-slo-common';
import type {
  BurnRates,
  SloAlert,
  SloStatus,
} from '../schema/openapi/generated/models';

/** The windows a status reports burn rates over, and the SLO period. */
export const BURN_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;
export type BurnWindow = (typeof BURN_WINDOWS)[number];
export type Window = BurnWindow | '30d';

/** Each window's length in minutes. */
export const WINDOW_MINUTES: Record<Window, number> = {
  '5m': 5,
  '30m': 30,
  '1h': 60,
  '2h': 120,
  '6h': 360,
  '1d': 1440,
  '3d': 4320,
  '30d': 43200,
};

/** What a source measured of one SLO; null where it has no data. */
export type Measurement = {
  /** Error ratio (bad / all) per window, 30d included. */
  errorRatios: Partial<Record<Window, number | null>>;
  /** Remaining budget as the source records it; else derived from 30d. */
  budgetRemaining?: number | null;
  alerts: SloAlert[];
  /** Time-slice SLOs: the indicator now in seconds. */
  currentValueSeconds: number | null;
};

const finite = (n: number | null | undefined): number | null =>
  n === null || n === undefined || !Number.isFinite(n) ? null : n;

/** The status the API reports, from a measurement and the spec. */
export function toStatus(def: SloDefinition, m: Measurement): SloStatus {
  const budget = 1 - def.objective;
  const burnRates = Object.fromEntries(
    BURN_WINDOWS.map(w => {
      const ratio = finite(m.errorRatios[w]);
      return [w, ratio === null ? null : ratio / budget];
    }),
  ) as unknown as BurnRates;
  const error30d = finite(m.errorRatios['30d']);
  const sli = error30d === null ? null : 1 - error30d;
  let errorBudgetRemaining: number | null = null;
  if (m.budgetRemaining !== undefined) {
    errorBudgetRemaining = finite(m.budgetRemaining);
  } else if (error30d !== null) {
    errorBudgetRemaining = 1 - error30d / budget;
  }
  const timeslice = def.sli.type === 'timeslice' ? def.sli : undefined;
  const currentValueSeconds = timeslice ? finite(m.currentValueSeconds) : null;
  let status: SloStatus['status'] = 'ok';
  if (sli === null) status = 'no-data';
  else if (errorBudgetRemaining !== null && errorBudgetRemaining <= 0) {
    status = 'exhausted';
  } else if (
    m.alerts.length ||
    (timeslice &&
      currentValueSeconds !== null &&
      currentValueSeconds > timeslice.thresholdSeconds)
  ) {
    status = 'burning';
  }
  return {
    id: def.id,
    service: def.service,
    name: def.name,
    displayName: def.displayName,
    description: def.description,
    owner: def.owner,
    entity: def.entity,
    objective: def.objective,
    sliType: def.sli.type,
    sli,
    errorBudgetRemaining,
    burnRates,
    alerts: m.alerts,
    status,
    currentValueSeconds,
    thresholdSeconds: timeslice ? timeslice.thresholdSeconds : null,
  };
}

/**
 * The multi-window multi-burn-rate alerts Sloth's rules raise, evaluated
 * on burn rates (embedded mode has no Prometheus to raise them): for each
 * severity, whether any of its window pairs burns above its factor.
 */
export function burningSeverities(
  burnRates: BurnRates,
): Array<'page' | 'ticket'> {
  const rate = (w: string) => burnRates[w as BurnWindow] ?? null;
  const out = new Set<'page' | 'ticket'>();
  for (const alert of BURN_RATE_ALERTS) {
    const long = rate(alert.long);
    const short = rate(alert.short);
    if (
      long !== null &&
      short !== null &&
      long > alert.factor &&
      short > alert.factor
    ) {
      out.add(alert.severity);
    }
  }
  return [...out];
}

/** Worst budget first; SLOs without data last; then by id. */
export function byBudget(a: SloStatus, b: SloStatus): number {
  const x = a.errorBudgetRemaining;
  const y = b.errorBudgetRemaining;
  if (x === null && y !== null) return 1;
  if (y === null && x !== null) return -1;
  if (x !== null && y !== null && x !== y) return x - y;
  return a.id.localeCompare(b.id);
}
