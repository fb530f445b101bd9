import { icebergCatalogProperties } from '@internal/backstage-plugin-scout-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stackVersions } from './artifacts.ts';
import { stackPaths } from './paths.ts';
import { templateVars } from './services.ts';
import { type LakehouseSettings, localStackSettings } from './settings.ts';
import { parseProperties, renderTree } from './template.ts';

const root = resolve(__dirname, '../../../..');

describe('platform-manifests/config', () => {
  let out: string;
  let settings: LakehouseSettings;
  let vars: Record<string, string>;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'scout-config-'));
    // app-config.yaml's local stack, one port moved as a developer would.
    settings = await localStackSettings({ SCOUT_S3_PORT: '9100' });
    vars = templateVars(
      stackPaths('/repo', { SCOUT_CACHE_HOME: '/cache' }),
      settings,
      stackVersions({}),
      {},
    );
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it.each(['s3', 'nessie', 'trino'])(
    'renders every %s template with the stack values',
    async service => {
      const files = await renderTree(
        join(root, 'platform-manifests', 'config', service),
        join(out, service),
        vars,
      );
      expect(files.length).toBeGreaterThan(0);
    },
  );

  it("renders Trino's iceberg catalog to icebergCatalogProperties()", async () => {
    const text = await readFile(
      join(out, 'trino', 'etc', 'catalog', 'iceberg.properties'),
      'utf8',
    );
    expect(parseProperties(text)).toEqual({
      'connector.name': 'iceberg',
      ...icebergCatalogProperties(settings.stack, 'main'),
    });
  });

  it("keeps state under .scout/stack and Trino in the machine cache's stack", () => {
    expect(vars.S3_DATA_DIR).toBe('/repo/.scout/stack/s3/data');
    expect(vars.TRINO_HOME).toBe('/cache/stack/trino-server-476');
    expect(vars.S3_ENDPOINT).toBe('http://127.0.0.1:9100');
  });

  it('checks the Trino heap setting', () => {
    expect(
      templateVars(stackPaths('/r'), settings, stackVersions({}), {
        SCOUT_TRINO_HEAP: '2048M',
      }).TRINO_HEAP,
    ).toBe('2048M');
    expect(() =>
      templateVars(stackPaths('/r'), settings, stackVersions({}), {
        SCOUT_TRINO_HEAP: 'lots',
      }),
    ).toThrow(/SCOUT_TRINO_HEAP must look like 3G/);
  });
});
