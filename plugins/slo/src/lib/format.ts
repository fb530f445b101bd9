/**
 * Display helpers. Every ratio the API sends is a fraction (0.999, not
 * 99.9); here it becomes a percentage with its unit, and a burn rate a
 * multiple of the budget ("2.5×").
 */

type Maybe = number | null | undefined;

const known = (n: Maybe): n is number =>
  n !== null && n !== undefined && Number.isFinite(n);

/** A fraction as "99.9 %": enough decimals to tell it from its neighbours. */
export function formatPercent(fraction: Maybe, decimals = 1): string {
  if (!known(fraction)) return '—';
  const value = fraction * 100;
  return `${Number(value.toFixed(decimals)).toString()} %`;
}

/** An objective as "99.9 %": every significant digit of the target. */
export function formatObjective(objective: number): string {
  // 0.999 → 99.9, 0.9995 → 99.95: no float noise, no padding zeros.
  return `${Number((objective * 100).toPrecision(6)).toString()} %`;
}

/** Remaining error budget: "72.4 % left", "overspent by 12 %", "no data yet". */
export function formatBudget(remaining: Maybe): string {
  if (!known(remaining)) return 'no data yet';
  if (remaining < 0) return `overspent by ${formatPercent(-remaining)}`;
  return `${formatPercent(remaining)} left`;
}

/** A burn rate as a multiple of the budget: "0.42×", "14.4×"; a dash for none. */
export function formatBurn(rate: Maybe): string {
  if (!known(rate)) return '—';
  const digits = rate >= 10 ? 1 : 2;
  return `${Number(rate.toFixed(digits)).toString()}×`;
}

/** "3 Nov" for a chart's axis (UTC). */
export function formatDay(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}
