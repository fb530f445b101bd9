import fc from 'fast-check';
import { datasetNodeId, fieldNodeId, jobNodeId, parseNodeId } from './nodeId';

describe('node ids', () => {
  it('keeps colons in the namespace and reads the name and field from the end', () => {
    expect(
      parseNodeId('dataset:trino://127.0.0.1:8080:iceberg.gold.t'),
    ).toEqual({
      type: 'dataset',
      namespace: 'trino://127.0.0.1:8080',
      name: 'iceberg.gold.t',
    });
    expect(
      parseNodeId('datasetField:postgres://db:5432:scout.sales:total'),
    ).toEqual({
      type: 'datasetField',
      namespace: 'postgres://db:5432',
      dataset: 'scout.sales',
      field: 'total',
    });
  });

  it('refuses other shapes with a message that shows the expected one', () => {
    expect(() => parseNodeId('table:x:y')).toThrow(
      'must start with dataset:, job: or datasetField:',
    );
    expect(() => parseNodeId('dataset:onlyname')).toThrow(
      'is not dataset:<namespace>:<name>',
    );
    expect(() => parseNodeId('datasetField:ns:ds')).toThrow(
      '<dataset>:<field>',
    );
    expect(() => parseNodeId('dataset::name')).toThrow('has no namespace');
  });

  it('says an id lacks its last part when that leaves a URI cut at its ://', () => {
    expect(() => parseNodeId('datasetField:postgres://db:scout.sales')).toThrow(
      'nodeId "datasetField:postgres://db:scout.sales" lacks a field: the namespace "postgres://db" leaves "scout.sales" for <dataset>:<field>',
    );
    expect(() => parseNodeId('datasetField:trino://h:8080')).toThrow(
      'lacks a field: the namespace "trino://h" leaves "8080"',
    );
    expect(() => parseNodeId('dataset:s3://bucket')).toThrow(
      'nodeId "dataset:s3://bucket" lacks a name: the namespace "s3://bucket" leaves nothing for <name>',
    );
    expect(() => parseNodeId('job:airflow://host')).toThrow('lacks a name');
    // A port read as the dataset is a name the store may hold: the lookup
    // tells (services/unknownNode).
    expect(
      parseNodeId('datasetField:trino://h:8080:iceberg.gold.t'),
    ).toMatchObject({ namespace: 'trino://h', dataset: '8080' });
  });

  it('reads back every id it writes', () => {
    // Names hold no colon, nor start with `//` (read as a cut URI, above).
    const part = fc
      .string({ minLength: 1 })
      .filter(s => !s.includes(':') && !s.startsWith('//'));
    const namespace = fc.string({ minLength: 1 });
    fc.assert(
      fc.property(namespace, part, part, (ns, name, field) => {
        expect(parseNodeId(datasetNodeId(ns, name))).toEqual({
          type: 'dataset',
          namespace: ns,
          name,
        });
        expect(parseNodeId(jobNodeId(ns, name))).toEqual({
          type: 'job',
          namespace: ns,
          name,
        });
        expect(
          parseNodeId(fieldNodeId({ namespace: ns, dataset: name, field })),
        ).toEqual({
          type: 'datasetField',
          namespace: ns,
          dataset: name,
          field,
        });
      }),
    );
  });
});
