import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// The prebuild that scripts/lib/toolchain.sh keeps must be the file that
// better-sqlite3's own install (prebuild-install) looks for; under any other
// name it is ignored and every install compiles SQLite again.
describe("toolchain.sh's better-sqlite3 prebuild", () => {
  let cache: string;
  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), 'scout-machine-cache-'));
  });
  afterAll(() => rm(cache, { recursive: true, force: true }));

  it('is packed under the name prebuild-install asks for, in the folder it is told to look in', async () => {
    const root = repositoryRoot();
    const { stdout } = await run(
      'bash',
      [
        '-c',
        'source scripts/lib/toolchain.sh && keep_sqlite_prebuild && echo "$npm_config_better_sqlite3_local_prebuilds"',
      ],
      { cwd: root, env: { ...process.env, SCOUT_CACHE_HOME: cache } },
    );
    const folder = stdout.trim();
    expect(folder).toBe(join(cache, 'prebuilds'));

    // What prebuild-install would download, and so the local file it reads.
    const util = require(require.resolve('prebuild-install/util', {
      paths: [join(root, 'node_modules/better-sqlite3')],
    }));
    const url: string = util.getDownloadUrl({
      pkg: require(join(root, 'node_modules/better-sqlite3/package.json')),
      platform: process.platform,
      arch: process.arch,
      runtime: 'node',
      abi: process.versions.modules,
    });
    const { stdout: listing } = await run('tar', [
      '-tzf',
      join(folder, basename(url)),
    ]);
    expect(listing.trim().split('\n')).toEqual([
      'build/Release/better_sqlite3.node',
    ]);
  });
});
