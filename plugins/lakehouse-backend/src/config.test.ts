import { mockServices } from '@backstage/backend-test-utils';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { join, resolve } from 'node:path';
import { readLakehouseConfig } from './config';

const read = (data: object, env: Record<string, string> = {}) =>
  readLakehouseConfig(mockServices.rootConfig({ data }), env);

describe('readLakehouseConfig', () => {
  it("defaults to DuckDB over the repository's lakehouse and the local stack", () => {
    expect(read({})).toEqual({
      engine: 'duckdb',
      duckdb: { dir: join(repositoryRoot(), '.scout/lakehouse') },
      trino: {
        url: 'http://127.0.0.1:8080',
        user: 'scout',
        catalog: 'iceberg',
      },
      nessie: { url: 'http://127.0.0.1:19120/api/v2', defaultRef: 'main' },
      preview: { maxRows: 500 },
      health: { targetFileBytes: 512 * 1024 * 1024 },
      dbtManifest: join(
        repositoryRoot(),
        '.scout/pipeline/published/manifest.json',
      ),
    });
  });

  it("follows the scout plugin's lakehouse unless told otherwise", () => {
    const scout = { scout: { lakehouse: { engine: 'trino', dir: 'lh' } } };
    expect(read(scout)).toMatchObject({
      engine: 'trino',
      duckdb: { dir: resolve('lh') },
    });
    expect(read({}, { SCOUT_LAKEHOUSE_ENGINE: 'trino' }).engine).toBe('trino');
    expect(
      read(
        { ...scout, lakehouse: { engine: 'duckdb', duckdb: { dir: 'own' } } },
        { SCOUT_LAKEHOUSE_ENGINE: 'trino' },
      ),
    ).toMatchObject({ engine: 'duckdb', duckdb: { dir: resolve('own') } });
  });

  it('takes the stack ports from env', () => {
    expect(
      read({}, { SCOUT_TRINO_PORT: '18080', SCOUT_NESSIE_PORT: '29120' }),
    ).toMatchObject({
      trino: { url: 'http://127.0.0.1:18080' },
      nessie: { url: 'http://127.0.0.1:29120/api/v2' },
    });
  });

  it.each([
    [{ lakehouse: { engine: 'spark' } }, /duckdb or trino/],
    [{ lakehouse: { trino: { catalog: 'Iceberg"; --' } } }, /identifier/],
    [{ lakehouse: { nessie: { defaultRef: 'a b' } } }, /reference name/],
    [{ lakehouse: { preview: { maxRows: 501 } } }, /1 to 500/],
  ])('rejects %j', (data, message) => {
    expect(() => read(data)).toThrow(message);
  });
});
