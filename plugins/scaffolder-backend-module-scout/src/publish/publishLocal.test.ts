import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPublishLocalAction } from './publishLocal';

let scratch: string;
let workspace: string;
let gitDir: string;

beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'scout-publish-local-'));
  workspace = join(scratch, 'workspace');
  gitDir = join(scratch, 'git');
  await mkdir(join(workspace, 'migrations'), { recursive: true });
  await writeFile(join(workspace, 'catalog-info.yaml'), 'kind: Component\n');
  await writeFile(join(workspace, 'migrations', '0012_x.sql'), 'select 1;\n');
});
afterEach(() => rm(scratch, { recursive: true, force: true }));

function setup(addLocation?: (...args: any[]) => Promise<any>) {
  const catalog = catalogServiceMock.mock({
    addLocation:
      addLocation ??
      // As the catalog does: the entities only in a dry run.
      (async (request: { dryRun?: boolean }) => ({
        location: {
          id: '1',
          type: 'file',
          target: '',
          entityRef: 'location:default/generated-1',
        },
        entities: !request.dryRun
          ? []
          : [
              // The location itself comes first.
              {
                apiVersion: 'v1',
                kind: 'Location',
                metadata: { name: 'generated-1' },
              },
              { apiVersion: 'v1', kind: 'Resource', metadata: { name: 'pos' } },
              {
                apiVersion: 'v1',
                kind: 'Component',
                metadata: { name: 'ingest-pos', namespace: 'default' },
              },
            ],
        exists: false,
      })),
  });
  // catalogServiceMock.mock wraps each given method in a jest.fn.
  const action = createPublishLocalAction({ catalog, directory: () => gitDir });
  const run = async (isDryRun = false) => {
    const ctx = createMockActionContext({
      input: { repo: 'pos-returns' },
      workspacePath: workspace,
    });
    await action.handler({ ...ctx, isDryRun });
    return { ctx, catalog };
  };
  return run;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

describe('scout:publish:local', () => {
  it('commits the workspace on main and registers its catalog-info.yaml', async () => {
    const { ctx, catalog } = await setup()();
    const repo = join(gitDir, 'pos-returns');
    expect(git(repo, 'branch', '--show-current')).toBe('main');
    expect(git(repo, 'ls-files').split('\n')).toEqual([
      'catalog-info.yaml',
      'migrations/0012_x.sql',
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'scout-local-git', target: 'pos-returns', dryRun: true },
      expect.objectContaining({ credentials: expect.anything() }),
    );
    expect(catalog.addLocation).toHaveBeenLastCalledWith(
      { type: 'scout-local-git', target: 'pos-returns' },
      expect.objectContaining({ credentials: expect.anything() }),
    );
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    expect(outputs).toEqual({
      remoteUrl: `file://${repo}`,
      entityRef: 'component:default/ingest-pos',
    });
  });

  it('refuses a repository that exists, and leaves it as it was', async () => {
    const run = setup();
    await run();
    const before = git(join(gitDir, 'pos-returns'), 'rev-parse', 'HEAD');
    await expect(run()).rejects.toThrow(ConflictError);
    await expect(run()).rejects.toThrow(
      "A repository named pos-returns already exists in the portal's local Git",
    );
    expect(git(join(gitDir, 'pos-returns'), 'rev-parse', 'HEAD')).toBe(before);
  });

  it('removes the repository again when registration is refused', async () => {
    const refused = async () => {
      throw new Error('catalog.location.create is not allowed');
    };
    await expect(setup(refused)()).rejects.toThrow('not allowed');
    expect(await readdir(gitDir)).toEqual([]);
  });

  it('writes nothing in a dry run', async () => {
    const { ctx, catalog } = await setup()(true);
    expect(existsSync(gitDir)).toBe(false);
    expect(catalog.addLocation).not.toHaveBeenCalled();
    expect(ctx.output).not.toHaveBeenCalled();
  });
});
