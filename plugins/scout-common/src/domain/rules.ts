import { toCentavos } from './money.ts';
import { parseTimestamp } from './time.ts';
import type { Transaction } from './transaction.ts';
import type { Problem, ValidateOptions } from './validate.ts';

/** Allowed clock skew of a device ahead of the server. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/** Nothing was sold through Scout before this. */
export const EARLIEST_OCCURRED_AT = new Date('2020-01-01T00:00:00Z');

/** The business rules of a batch; one instance per call carries the batch-wide state (seen ids). */
export class RuleChecker {
  readonly #problems: Problem[];
  readonly #isKnownStore?: (storeId: string) => boolean;
  readonly #latest: number;
  readonly #earliest = EARLIEST_OCCURRED_AT.getTime();
  // First index of each transaction_id, lower-cased: UUIDs are case-insensitive.
  readonly #seen = new Map<string, number>();

  constructor(options: ValidateOptions, problems: Problem[]) {
    this.#problems = problems;
    this.#isKnownStore = options.isKnownStore;
    this.#latest = options.now.getTime() + MAX_FUTURE_SKEW_MS;
  }

  /** `invalid` names the fields that failed the schema; rules reading them are skipped. */
  check(tx: Transaction, index: number, invalid?: Set<string>): void {
    if (!invalid?.has('transaction_id'))
      this.#checkUnique(tx.transaction_id, index);
    if (this.#isKnownStore && !invalid?.has('store_id')) {
      if (!this.#isKnownStore(tx.store_id)) {
        this.#add(index, 'store_id', `Unknown store "${tx.store_id}"`);
      }
    }
    if (!invalid?.has('occurred_at')) this.#checkTime(tx.occurred_at, index);
    if (!invalid?.has('items') && !invalid?.has('total'))
      this.#checkTotal(tx, index);
  }

  #checkUnique(id: string, index: number): void {
    const key = id.toLowerCase();
    const first = this.#seen.get(key);
    if (first === undefined) {
      this.#seen.set(key, index);
    } else {
      this.#add(
        index,
        'transaction_id',
        `Duplicate transaction_id in this batch (first at index ${first})`,
      );
    }
  }

  #checkTime(occurredAt: string, index: number): void {
    // Read exactly, not with Date.parse: that drops microseconds and, for a
    // spelling it does not know, gives NaN, which no comparison catches.
    const time = parseTimestamp(occurredAt);
    if (!time) return; // the schema has reported it
    if (
      time.epochMs > this.#latest ||
      (time.epochMs === this.#latest && time.micros > 0)
    ) {
      this.#add(
        index,
        'occurred_at',
        'occurred_at is more than 5 minutes in the future',
      );
    } else if (time.epochMs < this.#earliest) {
      this.#add(index, 'occurred_at', 'occurred_at is before 2020-01-01');
    }
  }

  #checkTotal(tx: Transaction, index: number): void {
    let centavos = 0;
    for (const item of tx.items)
      centavos += item.quantity * toCentavos(item.unit_price);
    if (centavos !== toCentavos(tx.total)) {
      this.#add(
        index,
        'total',
        `total ${tx.total.toFixed(
          2,
        )} does not equal the sum of quantity x unit_price (${(
          centavos / 100
        ).toFixed(2)})`,
      );
    }
  }

  #add(index: number, path: string, message: string): void {
    this.#problems.push({ index, path, message });
  }
}
