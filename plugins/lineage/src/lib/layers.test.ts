import { datasetNameOfAnnotation, lakehouseTableOf, layerOf } from './layers';

describe('layers', () => {
  it('reads the layer from the middle of the name, on any engine', () => {
    expect(layerOf('iceberg.gold.gold_daily_store_sales')).toBe('gold');
    expect(layerOf('lakehouse.gold.gold_daily_store_sales')).toBe('gold');
    expect(layerOf('iceberg.bronze.transactions')).toBe('bronze');
    expect(layerOf('iceberg.platinum.store_features')).toBe('platinum');
  });

  it('calls anything else a source', () => {
    expect(layerOf('postgresql.scout.silver_transactions')).toBe('source');
    expect(layerOf('transactions')).toBe('source');
    expect(layerOf('a.b.gold.c')).toBe('source');
  });

  it('maps datasets to lakehouse tables and annotations to datasets', () => {
    expect(lakehouseTableOf('iceberg.gold.gold_daily_store_sales')).toEqual({
      catalog: 'iceberg',
      namespace: 'gold',
      table: 'gold_daily_store_sales',
    });
    expect(lakehouseTableOf('postgresql.scout.transactions')).toBeUndefined();
    expect(datasetNameOfAnnotation('iceberg/gold/gold_daily_store_sales')).toBe(
      'iceberg.gold.gold_daily_store_sales',
    );
    expect(datasetNameOfAnnotation('gold_daily_store_sales')).toBeUndefined();
    expect(datasetNameOfAnnotation(undefined)).toBeUndefined();
  });
});
