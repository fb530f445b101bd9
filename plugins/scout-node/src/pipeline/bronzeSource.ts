// The bronze layer's columns and the silver rows they come from, shared by
// the Trino and the DuckDB targets so both lakehouses have one shape: the
// built-in four here, and the entries declared in the dbt project
// (bronzeEntries.ts), whose SELECTs are made from their columns.
import { quoteIdentifier } from '../sql/quote';
import type { BronzeEntry } from './bronzeEntries';

/** Column name and Trino type, in table order. */
export type Columns = readonly (readonly [string, string])[];

export const BRONZE_TRANSACTIONS: Columns = [
  ['transaction_id', 'varchar'],
  ['store_id', 'varchar'],
  ['device_id', 'varchar'],
  ['region_code', 'varchar'],
  ['city_code', 'varchar'],
  ['occurred_at', 'timestamp(6) with time zone'],
  ['sale_date', 'date'],
  ['payment_method', 'varchar'],
  ['total', 'decimal(12, 2)'],
  ['item_count', 'integer'],
  ['units', 'integer'],
  ['received_at', 'timestamp(6) with time zone'],
  ['source_xid', 'bigint'],
  ['load_id', 'varchar'],
  ['loaded_at', 'timestamp(6) with time zone'],
];

export const BRONZE_LINE_ITEMS: Columns = [
  ['transaction_id', 'varchar'],
  ['line_no', 'integer'],
  ['sale_date', 'date'],
  ['store_id', 'varchar'],
  ['region_code', 'varchar'],
  ['sku', 'varchar'],
  ['quantity', 'integer'],
  ['unit_price', 'decimal(10, 2)'],
  ['amount', 'decimal(12, 2)'],
  ['source_xid', 'bigint'],
  ['load_id', 'varchar'],
  ['loaded_at', 'timestamp(6) with time zone'],
];

export const BRONZE_STORES: Columns = [
  ['store_id', 'varchar'],
  ['name', 'varchar'],
  ['store_type', 'varchar'],
  ['active', 'boolean'],
  ['city_code', 'varchar'],
  ['city_name', 'varchar'],
  ['province_code', 'varchar'],
  ['region_code', 'varchar'],
  ['region_name', 'varchar'],
  ['loaded_at', 'timestamp(6) with time zone'],
];

export const BRONZE_PRODUCTS: Columns = [
  ['sku', 'varchar'],
  ['name', 'varchar'],
  ['brand_id', 'varchar'],
  ['brand_name', 'varchar'],
  ['category_id', 'varchar'],
  ['category_name', 'varchar'],
  ['list_price', 'decimal(10, 2)'],
  ['pack_size', 'varchar'],
  ['loaded_at', 'timestamp(6) with time zone'],
];

/** Bronze tables appended by watermark; the others are replaced each load. */
export const APPENDED = {
  transactions: BRONZE_TRANSACTIONS,
  line_items: BRONZE_LINE_ITEMS,
};
export const REPLACED = { stores: BRONZE_STORES, products: BRONZE_PRODUCTS };

/**
 * The SELECT bodies over the scout schema (PostgreSQL names; `{scout}` is
 * the schema as the engine sees it). Every column the bronze tables take
 * from Postgres, in bronze order, without load_id and loaded_at.
 */
export function silverSelects(scout: string) {
  const located = `join ${scout}.stores s on s.store_id = t.store_id
    join ${scout}.cities c on c.city_code = s.city_code
    join ${scout}.provinces p on p.province_code = c.province_code`;
  return {
    transactions: `select t.transaction_id, t.store_id, t.device_id, p.region_code, s.city_code,
      t.occurred_at, t.sale_date, t.payment_method, t.total, t.item_count, t.units,
      t.received_at, t.source_xid
      from ${scout}.silver_transactions t ${located}`,
    line_items: `select t.transaction_id, t.line_no, t.sale_date, t.store_id, p.region_code,
      t.sku, t.quantity, t.unit_price, t.amount, t.source_xid
      from ${scout}.silver_line_items t ${located}`,
    stores: `select s.store_id, s.name, s.store_type, s.active, s.city_code, c.name as city_name,
      c.province_code, p.region_code, r.name as region_name
      from ${scout}.stores s
      join ${scout}.cities c on c.city_code = s.city_code
      join ${scout}.provinces p on p.province_code = c.province_code
      join ${scout}.regions r on r.region_code = p.region_code`,
    products: `select p.sku, p.name, p.brand_id, b.name as brand_name, p.category_id,
      c.name as category_name, p.list_price, p.pack_size
      from ${scout}.products p
      join ${scout}.brands b on b.brand_id = p.brand_id
      join ${scout}.categories c on c.category_id = p.category_id`,
  };
}

/** An entry's bronze columns: its own, then load_id and loaded_at. */
export function entryColumns(entry: BronzeEntry): Columns {
  return [
    ...entry.columns,
    ['load_id', 'varchar'],
    ['loaded_at', 'timestamp(6) with time zone'],
  ];
}

/**
 * An entry's SELECT over the scout schema (`scout` as the engine names it):
 * its columns in bronze order, names quoted (a column may be called `date`).
 * Append loads add their range filter on source_xid.
 */
export function entrySelect(entry: BronzeEntry, scout: string): string {
  const columns = entry.columns.map(([name]) => quoteIdentifier(name));
  return `select ${columns.join(', ')} from ${scout}.${quoteIdentifier(
    entry.from,
  )}`;
}

/**
 * The bronze load as lineage sees it: per bronze table (the built-in four,
 * then `entries`), the SELECT over the scout database that fills it (tables
 * named as Trino's postgresql catalog names them, `postgresql.scout.<table>`)
 * and the table's columns; load_id and loaded_at come from the load itself.
 */
export function bronzeLoadJobs(entries: readonly BronzeEntry[] = []): {
  table: string;
  sql: string;
  columns: Columns;
}[] {
  const selects = silverSelects('postgresql.scout');
  const builtIn = Object.entries({ ...APPENDED, ...REPLACED }).map(
    ([table, columns]) => ({
      table,
      sql: selects[table as keyof typeof selects],
      columns,
    }),
  );
  return [
    ...builtIn,
    ...entries.map(entry => ({
      table: entry.table,
      sql: entrySelect(entry, 'postgresql.scout'),
      columns: entryColumns(entry),
    })),
  ];
}
