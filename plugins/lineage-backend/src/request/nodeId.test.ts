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
    // What Express leaves of a value it cannot decode (a CESU-8 emoji).
    expect(() => parseNodeId('dataset%3Ans%3A%ED%A0%BD%ED%B3%88')).toThrow(
      'is not percent-encoded UTF-8',
    );
  });

  it('reads back every id it writes', () => {
    const part = fc.string({ minLength: 1 }).filter(s => !s.includes(':'));
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
