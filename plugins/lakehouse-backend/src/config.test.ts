import { mockServices } from '@backstage/backend-test-utils';
import {
  readLakehouseStack,
  repositoryRoot,
} from '@internal/backstage-plugin-scout-node';
import { join, resolve } from 'node:path';
import { readLakehouseConfig } from './config';

const ICEBERG = {
  trino: { url: 'https://trino.example.com', user: 'portal' },
  nessie: { url: 'https://nessie.example.com/api/v2' },
  s3: { bucket: 'lake', accessKeyId: 'k', secretAccessKey: 's' },
};

/** The plugin's config over the shared stack that the same data describes. */
const read = (data: object) => {
  const config = mockServices.rootConfig({ data });
  return readLakehouseConfig(config, readLakehouseStack(config));
};

describe('readLakehouseConfig', () => {
  it("defaults to DuckDB over the repository's lakehouse", () => {
    expect(read({})).toEqual({
      engine: 'duckdb',
      duckdb: { dir: join(repositoryRoot(), '.scout/lakehouse') },
      trino: undefined,
      nessie: { defaultRef: 'main' },
      preview: { maxRows: 500 },
      health: { targetFileBytes: 512 * 1024 * 1024 },
      dbtManifest: join(
        repositoryRoot(),
        '.scout/pipeline/published/manifest.json',
      ),
    });
  });

  it("takes the shared stack's engine, folder and connections", () => {
    const scout = {
      scout: { lakehouse: { engine: 'trino', dir: 'lh', ...ICEBERG } },
    };
    expect(read(scout)).toMatchObject({
      engine: 'trino',
      duckdb: { dir: resolve('lh') },
      trino: {
        url: 'https://trino.example.com',
        user: 'portal',
        catalog: 'iceberg',
        nessieUrl: 'https://nessie.example.com/api/v2',
        icebergProperties: {
          'iceberg.nessie-catalog.uri': 'https://nessie.example.com/api/v2',
          's3.aws-access-key': 'k',
        },
      },
    });
    expect(
      read({
        ...scout,
        lakehouse: { engine: 'duckdb', duckdb: { dir: 'own' } },
      }),
    ).toMatchObject({
      engine: 'duckdb',
      duckdb: { dir: resolve('own') },
      trino: undefined,
    });
  });

  it('browses Trino while the pipeline builds DuckDB, with its own catalog', () => {
    expect(
      read({
        scout: { lakehouse: ICEBERG },
        lakehouse: { engine: 'trino', trino: { catalog: 'sandbox' } },
      }),
    ).toMatchObject({ engine: 'trino', trino: { catalog: 'sandbox' } });
  });

  it.each([
    [{ lakehouse: { engine: 'spark' } }, /duckdb or trino/],
    [{ lakehouse: { engine: 'trino' } }, /scout\.lakehouse\.trino\.url/],
    [{ lakehouse: { trino: { catalog: 'Iceberg"; --' } } }, /identifier/],
    [{ lakehouse: { nessie: { defaultRef: 'a b' } } }, /reference name/],
    [{ lakehouse: { preview: { maxRows: 501 } } }, /1 to 500/],
  ])('rejects %j', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });
});
