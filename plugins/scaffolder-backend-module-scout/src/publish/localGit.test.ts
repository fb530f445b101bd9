import {
  type CatalogProcessorResult,
  parseEntityYaml,
} from '@backstage/plugin-catalog-node';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_GIT_LOCATION, LocalGitLocationProcessor } from './localGit';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scout-local-git-'));
  await mkdir(join(dir, 'pos-returns'));
  await writeFile(
    join(dir, 'pos-returns', 'catalog-info.yaml'),
    'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: ingest-pos-returns }\nspec: { type: service, owner: x, lifecycle: experimental }\n',
  );
  await writeFile(join(dir, 'secret.yaml'), 'kind: Secret\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function read(target: string, type = LOCAL_GIT_LOCATION) {
  const results: CatalogProcessorResult[] = [];
  const handled = await new LocalGitLocationProcessor(() => dir).readLocation(
    { type, target },
    false,
    r => results.push(r),
    async function* parser({ data, location }) {
      yield* parseEntityYaml(data, location);
    },
  );
  return { handled, results };
}

describe('LocalGitLocationProcessor', () => {
  it("reads a repository's catalog-info.yaml by the repository's name", async () => {
    const { handled, results } = await read('pos-returns');
    expect(handled).toBe(true);
    expect(results).toMatchObject([
      { type: 'entity', entity: { metadata: { name: 'ingest-pos-returns' } } },
    ]);
  });

  it.each(['../secret.yaml', '/etc/hosts', 'pos-returns/../..', ''])(
    'refuses the target %j: a name, never a path',
    async target => {
      const { results } = await read(target);
      expect(results).toMatchObject([
        { type: 'error', error: { name: 'InputError' } },
      ]);
    },
  );

  it('says which repository is missing', async () => {
    const { results } = await read('no-such-repo');
    expect(results).toMatchObject([
      { type: 'error', error: { name: 'NotFoundError' } },
    ]);
    expect((results[0] as any).error.message).toContain('no-such-repo');
  });

  it('leaves other location types to other processors', async () => {
    expect((await read('pos-returns', 'url')).handled).toBe(false);
  });
});
