import {
  isOrderable,
  parsePartitionField,
  partitionSpecOf,
  tableCommentOf,
} from './ddl';

// As Trino 476 answers SHOW CREATE TABLE for bronze.transactions.
const DDL = `CREATE TABLE iceberg.bronze.transactions (
   transaction_id varchar,
   total decimal(12, 2) NOT NULL COMMENT 'Receipt total, PHP'
)
COMMENT 'One row per transaction per load; it''s append-only'
WITH (
   format = 'PARQUET',
   format_version = 2,
   location = 's3://scout-lakehouse/warehouse/bronze/transactions-a04e',
   partitioning = ARRAY['sale_date','region_code','day(occurred_at)','bucket(store_id, 16)']
)`;

describe('the SHOW CREATE TABLE readers', () => {
  it('read the partition spec with its transforms', () => {
    expect(partitionSpecOf(DDL)).toEqual([
      { sourceColumn: 'sale_date', transform: 'identity' },
      { sourceColumn: 'region_code', transform: 'identity' },
      { sourceColumn: 'occurred_at', transform: 'day' },
      { sourceColumn: 'store_id', transform: 'bucket[16]' },
    ]);
    expect(partitionSpecOf(DDL.replace(/,\n\s+partitioning.*\]/, ''))).toEqual(
      [],
    );
  });

  it('unquote column names', () => {
    expect(parsePartitionField('"Sale Date"')).toEqual({
      sourceColumn: 'Sale Date',
      transform: 'identity',
    });
    expect(parsePartitionField('truncate("sku", 4)')).toEqual({
      sourceColumn: 'sku',
      transform: 'truncate[4]',
    });
  });

  it('read the table comment, and null without one', () => {
    expect(tableCommentOf(DDL)).toBe(
      "One row per transaction per load; it's append-only",
    );
    expect(tableCommentOf(DDL.replace(/\nCOMMENT '.*'\n/, '\n'))).toBeNull();
  });

  it('orders by scalar columns only', () => {
    expect(isOrderable('decimal(12,2)')).toBe(true);
    expect(isOrderable('timestamp(6) with time zone')).toBe(true);
    expect(isOrderable('map(varchar, varchar)')).toBe(false);
    expect(isOrderable('row(a integer)')).toBe(false);
  });
});
