import { toCentavos } from './money.ts';
import { parseTimestamp } from './time.ts';
import type { Transaction } from './transaction.ts';

// Manila has kept UTC+8 without daylight saving since 1978.
const MANILA_OFFSET_MS = 8 * 3_600_000;

/** The instant of a timestamp transactionSchema accepts, exactly; throws on any other string. */
function instantOf(iso: string) {
  const instant = parseTimestamp(iso);
  if (!instant) throw new Error(`Not a storable timestamp: ${iso}`);
  return instant;
}

/** The instant as `YYYY-MM-DDTHH:MM:SS.ffffffZ`: equal instants give equal strings. */
export function utcInstant(iso: string): string {
  const { epochMs, micros } = instantOf(iso);
  const millis = new Date(epochMs).toISOString().slice(0, 23);
  return `${millis}${String(micros).padStart(3, '0')}Z`;
}

/** The business day (`YYYY-MM-DD`) in Asia/Manila, where the stores are. */
export function manilaBusinessDate(iso: string): string {
  // epochMs is cut, not rounded, below the millisecond: it cannot cross midnight.
  const { epochMs } = instantOf(iso);
  return new Date(epochMs + MANILA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The transaction in canonical form, as a string to fingerprint: two payloads
 * give the same string exactly when they describe the same sale, whatever
 * their key order, UUID case, offset of the same instant, number spelling
 * (15.5 or 15.50) or an omitted default currency. Line order is kept: it is
 * the receipt's order (line_no in silver).
 */
export function canonicalTransaction(tx: Transaction): string {
  return JSON.stringify([
    tx.transaction_id.toLowerCase(),
    tx.store_id,
    tx.device_id ?? null,
    utcInstant(tx.occurred_at),
    tx.payment_method,
    tx.currency ?? 'PHP',
    tx.items.map(i => [i.sku, i.quantity, toCentavos(i.unit_price)]),
    toCentavos(tx.total),
  ]);
}
