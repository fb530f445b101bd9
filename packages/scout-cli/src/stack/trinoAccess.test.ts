import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseProperties } from './template.ts';

// Trino's access control as `stack up` renders it. Trino reads etc/ from
// its working folder (.scout/stack/trino), the rendered copy of this one.
// That Trino enforces the rules is tested against the real server in
// plugins/lakehouse-backend/src/trinoAccess.test.ts.
const trinoDir = resolve(
  __dirname,
  '../../../../platform-manifests/config/trino',
);
const read = (file: string) => readFile(join(trinoDir, file), 'utf8');

type Rule = { group?: string; user?: string };

describe("Trino's access control config", () => {
  it('turns on file-based rules and the file group provider, with files that exist', async () => {
    const access = parseProperties(await read('etc/access-control.properties'));
    const groups = parseProperties(await read('etc/group-provider.properties'));
    expect(access['access-control.name']).toBe('file');
    expect(groups['group-provider.name']).toBe('file');
    for (const file of [
      access['security.config-file'],
      groups['file.group-file'],
    ]) {
      expect([file, existsSync(join(trinoDir, file))]).toEqual([file, true]);
    }
  });

  it('names only groups that the group file has', async () => {
    const rules: Record<string, Rule[]> = JSON.parse(
      await read('etc/rules.json'),
    );
    const known = new Set(
      (await read('etc/groups.txt'))
        .split('\n')
        .filter(line => line.includes(':') && !line.startsWith('#'))
        .map(line => line.split(':')[0]),
    );
    const named = Object.values(rules)
      .flat()
      .flatMap(rule => rule.group?.split('|') ?? []);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter(group => !known.has(group))).toEqual([]);
  });
});
