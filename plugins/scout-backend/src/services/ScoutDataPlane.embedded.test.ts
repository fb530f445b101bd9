import { mockServices } from '@backstage/backend-test-utils';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultMigrationsDirectory } from '@internal/backstage-plugin-scout-node';
import { readScoutConfig } from '../config';
import { FunctionMetrics } from './metrics';
import { ScoutDataPlane } from './ScoutDataPlane';

jest.setTimeout(120_000);

describe('the embedded PGlite database made by another version', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-embedded-'));
    await cp(defaultMigrationsDirectory(), join(dir, 'migrations'), {
      recursive: true,
    });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const create = () =>
    ScoutDataPlane.create(
      readScoutConfig(
        mockServices.rootConfig({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            scout: {
              database: { dataDir: join(dir, 'pglite') },
              migrations: { dir: join(dir, 'migrations') },
              demo: { enabled: false },
              pipeline: { enabled: false },
              functions: { jwtSecret: 'embedded-database-test-secret' },
            },
          },
        }),
      ),
      mockServices.logger.mock(),
      FunctionMetrics.create(),
    );

  it('refuses an edited migration and says which folder to delete', async () => {
    await (await create()).close();
    const [first] = (await readdir(join(dir, 'migrations')))
      .filter(f => f.endsWith('.sql'))
      .sort();
    await appendFile(join(dir, 'migrations', first), '\n-- edited\n');

    await expect(create()).rejects.toThrow(
      new RegExp(
        `^Refusing to migrate: ${first} was changed after it was applied\\..*The embedded development database in ${join(
          dir,
          'pglite',
        )} was made by another version of Scout: stop the portal and delete that folder`,
      ),
    );
  });
});
