import type {
  PlatformField,
  PlatformJob,
} from '@internal/backstage-plugin-scout-common';
import { LINE_COLUMNS, QUARANTINE_COLUMNS, SILVER_COLUMNS } from './classify';

type Subtype = PlatformField['from'][number]['subtype'];

const BRONZE = 'postgresql.scout.bronze_transactions';
const read =
  (dataset: string) =>
  (field: string, subtype: Subtype = 'IDENTITY') => ({
    dataset,
    field,
    subtype,
  });
const bronze = read(BRONZE);
const stores = read('postgresql.scout.stores');
const products = read('postgresql.scout.products');

/** What each silver column is computed from (classify in classify.ts). */
const SILVER: Record<string, PlatformField['from']> = {
  transaction_id: [bronze('transaction_id')],
  store_id: [bronze('payload.store_id')],
  device_id: [bronze('payload.device_id')],
  occurred_at: [bronze('payload.occurred_at')],
  // The business day in Asia/Manila.
  sale_date: [bronze('payload.occurred_at', 'TRANSFORMATION')],
  payment_method: [bronze('payload.payment_method')],
  total: [bronze('payload.total')],
  item_count: [bronze('payload.items', 'AGGREGATION')],
  units: [bronze('payload.items.quantity', 'AGGREGATION')],
  received_at: [bronze('received_at')],
};

const LINES: Record<string, PlatformField['from']> = {
  transaction_id: [bronze('transaction_id')],
  line_no: [bronze('payload.items', 'TRANSFORMATION')],
  sale_date: [bronze('payload.occurred_at', 'TRANSFORMATION')],
  store_id: [bronze('payload.store_id')],
  sku: [bronze('payload.items.sku')],
  quantity: [bronze('payload.items.quantity')],
  unit_price: [bronze('payload.items.unit_price')],
  amount: [
    bronze('payload.items.quantity', 'TRANSFORMATION'),
    bronze('payload.items.unit_price', 'TRANSFORMATION'),
  ],
};

// A reason and its detail come from the checks against the reference data.
const checked = [
  bronze('payload.store_id', 'TRANSFORMATION'),
  bronze('payload.items.sku', 'TRANSFORMATION'),
  bronze('payload.items.unit_price', 'TRANSFORMATION'),
  stores('active', 'TRANSFORMATION'),
  products('list_price', 'TRANSFORMATION'),
];
const QUARANTINE: Record<string, PlatformField['from']> = {
  transaction_id: [bronze('transaction_id')],
  reason: checked,
  detail: checked,
  payload: [bronze('payload')],
};

const fields = (
  columns: string[],
  from: Record<string, PlatformField['from']>,
) => columns.map(name => ({ name, from: from[name] }));

/**
 * Promotion (promoteBronze) as lineage sees it: each bronze payload becomes
 * a silver transaction with its line items, or quarantine rows with every
 * reason. Columns follow SILVER_COLUMNS, LINE_COLUMNS and QUARANTINE_COLUMNS;
 * lineage.test.ts checks the sources against what classify does.
 */
export const PROMOTION_LINEAGE: PlatformJob = {
  name: 'scout.promote',
  kind: 'promotion',
  description:
    'Moves bronze transactions to silver with their line items, or to quarantine with the reasons',
  source: 'plugins/scout-node/src/promotion/classify.ts',
  inputs: [
    { name: BRONZE },
    { name: 'postgresql.scout.stores' },
    { name: 'postgresql.scout.products' },
  ],
  outputs: [
    {
      name: 'postgresql.scout.silver_transactions',
      fields: fields(SILVER_COLUMNS, SILVER),
    },
    {
      name: 'postgresql.scout.silver_line_items',
      fields: fields(LINE_COLUMNS, LINES),
    },
    {
      name: 'postgresql.scout.quarantine',
      fields: fields(QUARANTINE_COLUMNS, QUARANTINE),
    },
  ],
};
