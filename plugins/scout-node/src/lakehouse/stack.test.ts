import { ConfigReader } from '@backstage/config';
import { join, resolve } from 'node:path';
import { repositoryRoot } from '../repoRoot';
import { loadRepositoryConfig } from './repositoryConfig';
import {
  icebergCatalogProperties,
  icebergStack,
  readLakehouseStack,
} from './stack';

const read = (lakehouse: object) =>
  readLakehouseStack(new ConfigReader({ scout: { lakehouse } }));

const iceberg = {
  trino: { url: 'https://trino.example.com:8443/', user: 'pipeline' },
  nessie: { url: 'https://nessie.example.com/api/v2' },
  s3: {
    bucket: 'lake',
    accessKeyId: 'AKIA-test',
    secretAccessKey: 'test-secret',
  },
  postgres: { jdbcUrl: 'jdbc:postgresql://db.example.com:5432/scout' },
};

describe('readLakehouseStack', () => {
  it('defaults to DuckDB in the checkout, with no connections', () => {
    expect(readLakehouseStack(new ConfigReader({}))).toEqual({
      engine: 'duckdb',
      dir: join(repositoryRoot(), '.scout/lakehouse'),
      trino: undefined,
      nessie: undefined,
      s3: undefined,
      postgres: undefined,
    });
  });

  it('reads every connection, with the defaults of the optional keys', () => {
    const stack = read({ engine: 'trino', dir: 'lh', ...iceberg });
    expect(stack).toEqual({
      engine: 'trino',
      dir: resolve('lh'),
      trino: {
        url: 'https://trino.example.com:8443',
        user: 'pipeline',
        catalog: 'iceberg',
        postgresCatalog: 'postgresql',
      },
      nessie: { url: 'https://nessie.example.com/api/v2' },
      s3: {
        endpoint: undefined,
        region: 'us-east-1',
        bucket: 'lake',
        accessKeyId: 'AKIA-test',
        secretAccessKey: 'test-secret',
        warehouse: 's3://lake/warehouse',
      },
      postgres: {
        jdbcUrl: 'jdbc:postgresql://db.example.com:5432/scout',
        user: undefined,
        password: undefined,
      },
    });
  });

  it.each([
    [{ engine: 'spark' }, /scout\.lakehouse\.engine must be duckdb or trino/],
    [
      { engine: 'trino' },
      /set scout\.lakehouse\.trino\.url, scout\.lakehouse\.nessie\.url, scout\.lakehouse\.s3\.bucket/,
    ],
    [
      { engine: 'trino', trino: iceberg.trino, s3: iceberg.s3 },
      /not configured: set scout\.lakehouse\.nessie\.url$/,
    ],
    [{ trino: { user: 'x' } }, /scout\.lakehouse\.trino\.url/],
    [
      { trino: { url: 'trino:8080', user: 'x' } },
      /scout\.lakehouse\.trino\.url must be a http: or https: URL/,
    ],
    [
      { nessie: { url: 'ftp://nessie' } },
      /scout\.lakehouse\.nessie\.url must be/,
    ],
    [
      { s3: { ...iceberg.s3, secretAccessKey: undefined } },
      /scout\.lakehouse\.s3\.secretAccessKey/,
    ],
    [
      { postgres: { jdbcUrl: 'postgres://db/scout' } },
      /scout\.lakehouse\.postgres\.jdbcUrl must start with jdbc:postgresql:/,
    ],
  ])('refuses %j, naming the key', (lakehouse, message) => {
    expect(() => read(lakehouse)).toThrow(message);
  });

  it('lets the DuckDB engine go without connections, and icebergStack asks for them', () => {
    const stack = read({ engine: 'duckdb' });
    expect(() => icebergStack(stack)).toThrow(/scout\.lakehouse\.trino\.url/);
  });
});

describe('icebergCatalogProperties', () => {
  it('points a catalog at a Nessie ref, native S3 with path-style access', () => {
    const stack = icebergStack(
      read({
        ...iceberg,
        s3: { ...iceberg.s3, endpoint: 'http://127.0.0.1:9000' },
      }),
    );
    expect(icebergCatalogProperties(stack, 'run-1')).toMatchObject({
      'iceberg.catalog.type': 'nessie',
      'iceberg.nessie-catalog.ref': 'run-1',
      'iceberg.nessie-catalog.uri': 'https://nessie.example.com/api/v2',
      'iceberg.nessie-catalog.default-warehouse-dir': 's3://lake/warehouse',
      'fs.native-s3.enabled': 'true',
      's3.endpoint': 'http://127.0.0.1:9000',
      's3.path-style-access': 'true',
    });
  });

  it('leaves the endpoint out for AWS S3', () => {
    const properties = icebergCatalogProperties(icebergStack(read(iceberg)));
    expect(properties).not.toHaveProperty('s3.endpoint');
    expect(properties['iceberg.nessie-catalog.ref']).toBe('main');
  });
});

describe("the checkout's app-config", () => {
  // Relative paths there are the backend's: from packages/backend.
  const baseDir = join(repositoryRoot(), 'packages/backend');

  it('holds the local stack, with ports from the environment', async () => {
    const stack = readLakehouseStack(
      await loadRepositoryConfig({
        files: ['app-config.yaml'],
        env: { SCOUT_TRINO_PORT: '18080', SCOUT_LAKEHOUSE_ENGINE: 'trino' },
      }),
      { baseDir },
    );
    expect(stack).toMatchObject({
      engine: 'trino',
      dir: join(repositoryRoot(), '.scout/lakehouse'),
      trino: { url: 'http://127.0.0.1:18080', user: 'scout' },
      nessie: { url: 'http://127.0.0.1:19120/api/v2' },
      s3: {
        endpoint: 'http://127.0.0.1:9000',
        bucket: 'scout-lakehouse',
        accessKeyId: 'scout',
      },
      postgres: { jdbcUrl: 'jdbc:postgresql://127.0.0.1:54329/scout' },
    });
  });

  it('uses the defaults when a variable is unset or empty', async () => {
    const stack = readLakehouseStack(
      await loadRepositoryConfig({
        files: ['app-config.yaml'],
        env: { SCOUT_LAKEHOUSE_ENGINE: '', SCOUT_TRINO_PORT: ' ' },
      }),
      { baseDir },
    );
    expect(stack.engine).toBe('duckdb');
    expect(stack.trino?.url).toBe('http://127.0.0.1:8080');
  });
});
