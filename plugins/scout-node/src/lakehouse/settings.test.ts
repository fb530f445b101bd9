import { icebergCatalogProperties, lakehouseSettings } from './settings';

describe('lakehouseSettings', () => {
  it('has the contract defaults', () => {
    const s = lakehouseSettings({});
    expect(s.postgres.url).toBe('postgres://postgres@127.0.0.1:54329/scout');
    expect(s.s3).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      accessKeyId: 'scout',
      secretAccessKey: 'scout-dev-secret',
      bucket: 'scout-lakehouse',
      warehouse: 's3://scout-lakehouse/warehouse',
    });
    expect(s.nessie).toEqual({
      port: 19120,
      managementPort: 19121,
      apiUrl: 'http://127.0.0.1:19120/api/v2',
    });
    expect(s.trino).toMatchObject({
      url: 'http://127.0.0.1:8080',
      user: 'scout',
      icebergCatalog: 'iceberg',
    });
  });

  it('takes ports from env, and treats empty values as unset', () => {
    const s = lakehouseSettings({
      SCOUT_S3_PORT: '9100',
      SCOUT_NESSIE_PORT: '19200',
      SCOUT_TRINO_PORT: '',
      SCOUT_PG_PORT: '5433',
    });
    expect(s.s3.endpoint).toBe('http://127.0.0.1:9100');
    expect(s.nessie.managementPort).toBe(19201);
    expect(s.trino.port).toBe(8080);
    expect(s.postgres.jdbcUrl).toBe('jdbc:postgresql://127.0.0.1:5433/scout');
  });

  it('names the variable that is wrong', () => {
    expect(() => lakehouseSettings({ SCOUT_TRINO_PORT: 'eighty' })).toThrow(
      /SCOUT_TRINO_PORT/,
    );
    expect(() => lakehouseSettings({ SCOUT_S3_PORT: '70000' })).toThrow(
      /SCOUT_S3_PORT/,
    );
  });
});

describe('icebergCatalogProperties', () => {
  it('points a catalog at a Nessie ref, native S3 with path-style access', () => {
    const properties = icebergCatalogProperties(lakehouseSettings({}), 'run-1');
    expect(properties).toMatchObject({
      'iceberg.catalog.type': 'nessie',
      'iceberg.nessie-catalog.ref': 'run-1',
      'iceberg.nessie-catalog.uri': 'http://127.0.0.1:19120/api/v2',
      'fs.native-s3.enabled': 'true',
      's3.path-style-access': 'true',
    });
  });
});
