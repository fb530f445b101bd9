import {
  datasetNodeId,
  fieldDatasetId,
  fieldNodeId,
  parseFieldNodeId,
  parseNodeId,
} from './nodeIds';

const TRINO = 'trino://127.0.0.1:8080';

describe('node ids', () => {
  it('reads the name from the end when the namespace holds colons', () => {
    expect(
      parseNodeId(`dataset:${TRINO}:iceberg.gold.gold_daily_store_sales`),
    ).toEqual({
      kind: 'dataset',
      namespace: TRINO,
      name: 'iceberg.gold.gold_daily_store_sales',
    });
    expect(
      parseNodeId(`job:${TRINO}:write iceberg.gold.gold_daily_store_sales`),
    ).toEqual({
      kind: 'job',
      namespace: TRINO,
      name: 'write iceberg.gold.gold_daily_store_sales',
    });
  });

  it('reads dataset and field from the end of a field id', () => {
    const id = `datasetField:${TRINO}:iceberg.gold.gold_daily_store_sales:revenue`;
    expect(parseFieldNodeId(id)).toEqual({
      namespace: TRINO,
      dataset: 'iceberg.gold.gold_daily_store_sales',
      field: 'revenue',
    });
    expect(fieldDatasetId(id)).toBe(
      `dataset:${TRINO}:iceberg.gold.gold_daily_store_sales`,
    );
  });

  it('round-trips what it builds', () => {
    const f = { namespace: TRINO, dataset: 'lakehouse.gold.x', field: 'y' };
    expect(parseFieldNodeId(fieldNodeId(f))).toEqual(f);
    expect(parseNodeId(datasetNodeId('scout', 'a.b.c'))).toEqual({
      kind: 'dataset',
      namespace: 'scout',
      name: 'a.b.c',
    });
  });

  it('refuses other shapes', () => {
    expect(parseNodeId('dataset:no-name')).toBeUndefined();
    expect(parseNodeId('dataset::x')).toBeUndefined();
    expect(parseNodeId(`dataset:${TRINO}:`)).toBeUndefined();
    expect(parseNodeId('table:ns:x')).toBeUndefined();
    expect(parseFieldNodeId('datasetField:ns:onlyone')).toBeUndefined();
    expect(parseFieldNodeId(`dataset:${TRINO}:a:b`)).toBeUndefined();
  });
});
