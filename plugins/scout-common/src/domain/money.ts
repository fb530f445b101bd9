import { z } from 'zod';

/**
 * True when a peso amount has at most two decimals. Exact for any amount below
 * 2^53 centavos: rounding to centavos and dividing back reproduces the same double
 * only when the value is the nearest double to a two-decimal number.
 */
export function hasCentavoPrecision(value: number): boolean {
  return Math.round(value * 100) / 100 === value;
}

/** A two-decimal peso amount as integer centavos, so sums are exact. */
export function toCentavos(value: number): number {
  return Math.round(value * 100);
}

/** A finite peso amount with at most two decimals (bounds are added by the caller). */
export const pesoSchema = z
  .number()
  .refine(hasCentavoPrecision, 'Use at most 2 decimals (centavos)');

/**
 * Largest amount a `numeric(12, 2)` column holds (silver's `total` and
 * `amount`): 12 digits, 2 after the point, so below 10^10 pesos.
 */
export const MAX_NUMERIC_12_2 = 9_999_999_999.99;
