import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import {
  explainBuildFailure,
  giteaBinary,
  giteaVersion,
  requireGo,
  wrapperDir,
} from './build.ts';

describe('the Gitea build', () => {
  const root = repositoryRoot();

  it("builds the version the wrapper module's go.mod requires, into the machine cache's go-bin", () => {
    const goMod = readFileSync(join(wrapperDir(root), 'go.mod'), 'utf8');
    expect(giteaVersion(goMod)).toBe('v1.26.0');
    expect(
      giteaVersion('require (\n\tcode.gitea.io/gitea v1.26.1 // indirect\n)'),
    ).toBe('v1.26.1');
    expect(giteaVersion('require code.gitea.io/gitea v1.26.2\n')).toBe(
      'v1.26.2',
    );
    expect(() =>
      giteaVersion('require code.gitea.io/sdk/gitea v0.24.1'),
    ).toThrow('go.mod does not require code.gitea.io/gitea');
    expect(giteaBinary('v1.26.0', { SCOUT_CACHE_HOME: '/cache' })).toBe(
      '/cache/go-bin/gitea-v1.26.0',
    );
  });

  it('says that go is missing and what needs it', () => {
    expect(() => requireGo('/nonexistent', 'v1.26.0')).toThrow(
      'go is not on PATH: the stack builds Gitea v1.26.0 from the Go module proxy with it',
    );
  });

  it('names what a failed build needs', () => {
    const proxy = explainBuildFailure(
      'v1.26.0',
      1,
      'go: code.gitea.io/gitea@v1.26.0: Get "https://proxy.golang.org/code.gitea.io/gitea/@v/v1.26.0.zip": dial tcp: lookup proxy.golang.org: no such host',
      'https://proxy.golang.org,direct',
    );
    expect(proxy).toMatch(
      /^go build of Gitea v1\.26\.0 failed \(exit code 1\): the Go module proxy \(https:\/\/proxy\.golang\.org,direct\) did not serve a module it needs:\ngo: code\.gitea\.io/,
    );
    expect(
      explainBuildFailure(
        'v1.26.0',
        1,
        '# runtime/cgo\ncgo: C compiler "gcc" not found: exec: "gcc": executable file not found in $PATH',
      ),
    ).toMatch(/cgo needs a C compiler for SQLite \(apt-get install gcc\)/);
    const other = explainBuildFailure(
      'v1.26.0',
      2,
      Array.from({ length: 30 }, (_, i) => `line ${i}`).join('\n'),
    );
    expect(other.split('\n')).toEqual([
      'go build of Gitea v1.26.0 failed (exit code 2):',
      ...Array.from({ length: 15 }, (_, i) => `line ${i + 15}`),
    ]);
  });
});
