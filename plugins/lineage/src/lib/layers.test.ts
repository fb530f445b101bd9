import { datasetNameOfAnnotation, lakehouseTableOf, layerOf } from './layers';

describe('layers', () => {
  it('reads the layer from the middle of the name, on any engine', () => {
    expect(layerOf('iceberg.gold.gold_daily_store_sales')).toBe('gold');
    expect(layerOf('lakehouse.gold.gold_daily_store_sales')).toBe('gold');
    expect(layerOf('iceberg.bronze.transactions')).toBe('bronze');
    expect(layerOf('iceberg.platinum.store_features')).toBe('platinum');
    expect(layerOf('ANALYTICS.GOLD.REVENUE', true)).toBe('gold');
  });

  it("reads it from the table's prefix otherwise: the scout database's layers", () => {
    expect(layerOf('scout.scout.bronze_transactions', true)).toBe('bronze');
    expect(layerOf('postgresql.scout.silver_transactions')).toBe('silver');
    expect(layerOf('scout.scout.gold_daily_store_sales', true)).toBe('gold');
    expect(layerOf('db.dbt.Platinum_Features', true)).toBe('platinum');
    // A bare layer word, or one inside a name, is not a prefix.
    expect(layerOf('x.y.gold')).toBe('source');
    expect(layerOf('x.y.golden_rules', true)).toBe('other');
  });

  it('calls what a job writes outside the layers other, and the rest sources', () => {
    expect(layerOf('analytics.dbt_prod.customers', true)).toBe('other');
    expect(layerOf('analytics.raw.orders')).toBe('source');
    expect(layerOf('transactions')).toBe('source');
    expect(layerOf('s3://bucket/events', true)).toBe('other');
    expect(layerOf('a.b.gold.c', true)).toBe('other');
  });

  it('maps datasets to lakehouse tables and annotations to datasets', () => {
    expect(lakehouseTableOf('iceberg.gold.gold_daily_store_sales')).toEqual({
      catalog: 'iceberg',
      namespace: 'gold',
      table: 'gold_daily_store_sales',
    });
    expect(lakehouseTableOf('postgresql.scout.transactions')).toBeUndefined();
    // The scout database's silver table is not in the lakehouse.
    expect(lakehouseTableOf('scout.scout.silver_transactions')).toBeUndefined();
    expect(datasetNameOfAnnotation('iceberg/gold/gold_daily_store_sales')).toBe(
      'iceberg.gold.gold_daily_store_sales',
    );
    expect(datasetNameOfAnnotation('gold_daily_store_sales')).toBeUndefined();
    expect(datasetNameOfAnnotation(undefined)).toBeUndefined();
  });
});
