import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { catalogModuleScoutLocalGit } from '../catalogModule';

// The real catalog with the scout-local-git module: what scout:publish:local
// relies on. A dry run answers with the repository's entities; the real add
// answers none and processes them afterwards.

jest.setTimeout(60_000);

let gitDir: string;
beforeAll(async () => {
  gitDir = await mkdtemp(join(tmpdir(), 'scout-local-git-catalog-'));
  await mkdir(join(gitDir, 'pos-returns'));
  await writeFile(
    join(gitDir, 'pos-returns', 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ingest-pos-returns }\nspec: { type: service, owner: group:default/data-engineering, lifecycle: experimental }\n',
  );
});
afterAll(() => rm(gitDir, { recursive: true, force: true }));

it('lists a local repository’s entities in a dry run only, and registers it for real', async () => {
  const { server } = await startTestBackend({
    features: [
      catalogPlugin,
      catalogModuleScoutLocalGit,
      mockServices.rootConfig.factory({
        data: {
          scout: { templates: { localGitDir: gitDir } },
          catalog: { processingInterval: { seconds: 1 } },
        },
      }),
    ],
  });
  const add = (dryRun: boolean) =>
    request(server)
      .post(`/api/catalog/locations${dryRun ? '?dryRun=true' : ''}`)
      .set('authorization', mockCredentials.user.header())
      .send({ type: 'scout-local-git', target: 'pos-returns' });

  const dry = await add(true);
  expect(dry.status).toBe(201);
  // The location itself, then what the repository holds.
  expect(dry.body.entities.map((e: any) => e.kind)).toEqual([
    'Location',
    'Component',
  ]);
  expect(dry.body.entities[1].metadata.name).toBe('ingest-pos-returns');
  const real = await add(false);
  expect(real.status).toBe(201);
  expect(real.body.entities).toEqual([]);
  // Processed afterwards: the entity appears.
  const entity = () =>
    request(server)
      .get('/api/catalog/entities/by-name/component/default/ingest-pos-returns')
      .set('authorization', mockCredentials.user.header());
  for (let i = 0; i < 100 && (await entity()).status !== 200; i++) {
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  expect((await entity()).status).toBe(200);
});
