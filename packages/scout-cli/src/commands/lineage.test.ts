import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import lineagePlugin from '@internal/backstage-plugin-lineage-backend';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { repoRoot, runScout as scout } from '../testing/runScout';

// `scout lineage import`, the real CLI, against a real lineage backend.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const token = randomBytes(24).toString('hex');

// A one-model project: orders.amount_cents comes from raw.orders.amount.
const manifest = {
  metadata: { adapter_type: 'postgres', project_name: 'shop' },
  nodes: {
    'model.shop.orders': {
      resource_type: 'model',
      name: 'orders',
      database: 'db',
      schema: 'analytics',
      alias: 'orders',
      relation_name: '"db"."analytics"."orders"',
      columns: {},
      depends_on: { nodes: ['source.shop.raw.orders'] },
      compiled_code:
        'select id, amount * 100 as amount_cents from "db"."raw"."orders"',
    },
  },
  sources: {
    'source.shop.raw.orders': {
      resource_type: 'source',
      name: 'orders',
      database: 'db',
      schema: 'raw',
      identifier: 'orders',
      relation_name: '"db"."raw"."orders"',
      columns: {},
    },
  },
  exposures: {},
};

describe('scout lineage import', () => {
  jest.setTimeout(120_000);
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-lineage-'));
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await writeFile(join(dir, 'not-json.json'), 'nope');
    const { server } = await startTestBackend({
      features: [
        lineagePlugin,
        authServiceFactory,
        httpAuthServiceFactory,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              auth: {
                externalAccess: [
                  { type: 'static', options: { token, subject: 'producer' } },
                ],
              },
            },
          },
        }),
      ],
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sends the artifacts, says what was derived, and records nothing twice', async () => {
    const args = [
      'lineage',
      'import',
      '--manifest',
      join(dir, 'manifest.json'),
      '--namespace',
      'postgres://shop',
      '--url',
      url,
      '--token',
      token,
    ];
    const first = await scout(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^1 model, 2 columns with lineage, 1 of 1 event new \(derived in [\d.]+ s\)\n$/,
    );
    // A relative path is the caller's (the repository root here), not the
    // CLI workspace's that yarn runs it in.
    const relativeArgs = [...args];
    relativeArgs[3] = relative(repoRoot, join(dir, 'manifest.json'));
    const again = await scout([...relativeArgs, '--json'], { viaYarn: true });
    expect(JSON.parse(again.stdout)).toMatchObject({ events: 1, recorded: 0 });
  });

  it('says what is wrong: usage, unreadable files, a refusing or absent portal', async () => {
    const missing = await scout(['lineage', 'import', '--url', url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--manifest is required');
    const rename = await scout([
      'lineage',
      'import',
      '--manifest',
      join(dir, 'manifest.json'),
      '--rename-database',
      'db',
    ]);
    expect(rename.stderr).toContain(
      '--rename-database takes FROM=TO, not "db"',
    );
    const notJson = await scout([
      'lineage',
      'import',
      '--manifest',
      join(dir, 'not-json.json'),
    ]);
    expect(notJson.stderr).toContain('is not JSON');
    const refused = await scout([
      'lineage',
      'import',
      '--manifest',
      join(dir, 'manifest.json'),
      '--url',
      url,
      '--token',
      'wrong',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the portal refused the import (401)');
    const absent = await scout([
      'lineage',
      'import',
      '--manifest',
      join(dir, 'manifest.json'),
      '--url',
      'http://127.0.0.1:9',
    ]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain('no portal answers at http://127.0.0.1:9');
  });
});
