import {
  manilaBusinessDate,
  toCentavos,
  type Transaction,
  transactionSchema,
} from '@internal/backstage-plugin-scout-common';

/** What promotion checks a sale against: store activity and list prices. */
export type PromotionReference = {
  /** store_id → active */
  stores: Map<string, boolean>;
  /** sku → list price in centavos */
  listCentavos: Map<string, number>;
};

/** One bronze row as promotion reads it. */
export type BronzeRow = {
  transaction_id: string;
  payload: unknown;
  /**
   * True when the row carries a fingerprint: only the ingest function writes
   * one, after validating the payload, so it is not validated again.
   */
  validated: boolean;
  /** As PostgreSQL prints it, so microseconds survive the round trip. */
  received_at: string;
};

/** Column order of the COPYs into silver, line items and quarantine. */
export const SILVER_COLUMNS = [
  'transaction_id',
  'store_id',
  'device_id',
  'occurred_at',
  'sale_date',
  'payment_method',
  'total',
  'item_count',
  'units',
  'received_at',
];
export const LINE_COLUMNS = [
  'transaction_id',
  'line_no',
  'sale_date',
  'store_id',
  'sku',
  'quantity',
  'unit_price',
  'amount',
];
export const QUARANTINE_COLUMNS = [
  'transaction_id',
  'reason',
  'detail',
  'payload',
];

/** Where one bronze row goes: silver with its lines, or quarantine with every reason. */
export type Promotion =
  | { to: 'silver'; silver: unknown[]; lines: unknown[][] }
  | { to: 'quarantine'; rows: unknown[][] };

/** Integer centavos as an exact numeric(…, 2) literal. */
export function centavosLiteral(centavos: number): string {
  const sign = centavos < 0 ? '-' : '';
  const abs = Math.abs(centavos);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(
    2,
    '0',
  )}`;
}

/**
 * Types one bronze row and checks it against the reference data. The reasons
 * (unknown_store, inactive_store, unknown_sku, price_out_of_range: a unit
 * price outside 0.5x to 2x the list price) are all listed, as before in SQL.
 * A row written around the ingest function is validated here, and one the
 * schema refuses is quarantined as invalid_payload rather than blocking the
 * queue.
 */
export function classify(row: BronzeRow, ref: PromotionReference): Promotion {
  const id = row.transaction_id;
  let tx = row.payload as Transaction;
  if (!row.validated) {
    const parsed = transactionSchema.safeParse(row.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = `${issue.path.join('.') || 'payload'}: ${issue.message}`;
      return {
        to: 'quarantine',
        rows: [[id, 'invalid_payload', detail, row.payload]],
      };
    }
    tx = parsed.data;
  }
  const problems: [reason: string, detail: string][] = [];
  const active = ref.stores.get(tx.store_id);
  if (active === undefined) {
    problems.push([
      'unknown_store',
      `store ${tx.store_id} is not in scout.stores`,
    ]);
  } else if (!active) {
    problems.push(['inactive_store', `store ${tx.store_id} is inactive`]);
  }
  const unknown = new Set<string>();
  const outOfRange: string[] = [];
  for (const item of tx.items) {
    const list = ref.listCentavos.get(item.sku);
    const unit = toCentavos(item.unit_price);
    if (list === undefined) unknown.add(item.sku);
    else if (2 * unit < list || unit > 2 * list) {
      outOfRange.push(
        `sku ${item.sku} at ${centavosLiteral(
          unit,
        )} (list price ${centavosLiteral(list)})`,
      );
    }
  }
  if (unknown.size > 0) {
    problems.push([
      'unknown_sku',
      `sku ${[...unknown].sort().join(', ')} not in scout.products`,
    ]);
  }
  if (outOfRange.length > 0) {
    problems.push(['price_out_of_range', outOfRange.join(', ')]);
  }
  if (problems.length > 0) {
    return {
      to: 'quarantine',
      rows: problems.map(([reason, detail]) => [id, reason, detail, tx]),
    };
  }

  const saleDate = manilaBusinessDate(tx.occurred_at);
  let units = 0;
  const lines = tx.items.map((item, i) => {
    units += item.quantity;
    const unit = toCentavos(item.unit_price);
    return [
      id,
      i + 1,
      saleDate,
      tx.store_id,
      item.sku,
      item.quantity,
      centavosLiteral(unit),
      centavosLiteral(item.quantity * unit),
    ];
  });
  const silver = [
    id,
    tx.store_id,
    tx.device_id ?? null,
    tx.occurred_at,
    saleDate,
    tx.payment_method,
    centavosLiteral(toCentavos(tx.total)),
    tx.items.length,
    units,
    row.received_at,
  ];
  return { to: 'silver', silver, lines };
}
