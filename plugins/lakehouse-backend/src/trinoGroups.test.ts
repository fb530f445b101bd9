import { mockCredentials } from '@backstage/backend-test-utils';
import {
  DEFAULT_NAMESPACE,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { trinoUser } from './request/trinoUser';

// Trino's file group provider gives its access control the catalog's teams.
// A preview runs as trinoUser(caller), so the group file must name people
// the same way; this test keeps it in step with catalog/*.yaml.
const GROUP_FILE = 'platform-manifests/config/trino/etc/groups.txt';

type UserEntity = {
  kind: string;
  metadata: { name: string; namespace?: string };
  spec?: { memberOf?: string[] };
};

/** A group's name in Trino: its entity name, with @namespace unless default. */
const trinoGroup = (ref: string, namespace: string) => {
  const group = parseEntityRef(ref, {
    defaultKind: 'group',
    defaultNamespace: namespace,
  });
  return group.namespace === DEFAULT_NAMESPACE
    ? group.name
    : `${group.name}@${group.namespace}`;
};

/** `group:user,user` lines from the User entities of catalog/, sorted. */
function groupLines(root: string): string[] {
  const members = new Map<string, Set<string>>();
  const dir = join(root, 'catalog');
  for (const file of readdirSync(dir).filter(f => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(
      readFileSync(join(dir, file), 'utf8'),
    )) {
      const entity = doc.toJS() as UserEntity | null;
      if (entity?.kind !== 'User') continue;
      const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
      const user = trinoUser(
        mockCredentials.user(
          stringifyEntityRef({ kind: 'user', namespace, ...entity.metadata }),
        ),
      );
      for (const ref of entity.spec?.memberOf ?? []) {
        const group = trinoGroup(ref, namespace);
        members.set(group, (members.get(group) ?? new Set()).add(user));
      }
    }
  }
  return [...members]
    .map(([group, users]) => `${group}:${[...users].sort().join(',')}`)
    .sort();
}

describe('the Trino group file', () => {
  it("lists each catalog group's members by their Trino user name", () => {
    const root = repositoryRoot();
    const expected = groupLines(root);
    const actual = readFileSync(join(root, GROUP_FILE), 'utf8')
      .split('\n')
      .map(line => line.trim())
      .filter(line => line !== '' && !line.startsWith('#'));
    // On a mismatch, paste the expected lines into the file.
    expect(actual).toEqual(expected);
    expect(expected).toContain('data-engineering:ana.cruz,miguel.bautista');
  });
});
