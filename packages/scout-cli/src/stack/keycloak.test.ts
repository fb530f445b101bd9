import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { keycloakSettings, keycloakTemplateVars } from './keycloak.ts';
import { parseProperties, renderTree } from './template.ts';

const root = resolve(__dirname, '../../../..');
const templates = join(root, 'platform-manifests', 'config', 'keycloak');

type Entity = {
  kind: string;
  metadata: { name: string };
  spec: {
    parent?: string;
    memberOf?: string[];
    profile: { displayName: string; email?: string };
  };
};
type RealmGroup = { name: string; subGroups?: RealmGroup[] };
type RealmUser = {
  username: string;
  email: string;
  emailVerified: boolean;
  firstName: string;
  lastName: string;
  enabled: boolean;
  groups: string[];
  credentials: { type: string; value: string; temporary: boolean }[];
};
type RealmClient = {
  clientId: string;
  publicClient: boolean;
  secret: string;
  standardFlowEnabled: boolean;
  redirectUris: string[];
};

async function load() {
  const org = parseAllDocuments(
    await readFile(join(root, 'catalog', 'org.yaml'), 'utf8'),
  ).map(doc => doc.toJS() as Entity);
  const realm = JSON.parse(
    await readFile(join(templates, 'scout-realm.json'), 'utf8'),
  ) as {
    realm: string;
    groups: RealmGroup[];
    users: RealmUser[];
    clients: RealmClient[];
  };
  const groups = org.filter(e => e.kind === 'Group');
  const parentOf = new Map(groups.map(g => [g.metadata.name, g.spec.parent]));
  /** A catalog group's path in the realm, e.g. /scout/platform-team. */
  const pathOf = (name: string): string => {
    const parent = parentOf.get(name);
    return `${parent ? pathOf(parent) : ''}/${name}`;
  };
  return {
    groups,
    users: org.filter(e => e.kind === 'User'),
    pathOf,
    realm,
  };
}

/** Every group's path in the realm, e.g. /scout/platform-team. */
function realmPaths(groups: RealmGroup[], prefix = ''): string[] {
  return groups.flatMap(g => [
    `${prefix}/${g.name}`,
    ...realmPaths(g.subGroups ?? [], `${prefix}/${g.name}`),
  ]);
}

describe('the Keycloak realm (platform-manifests/config/keycloak/scout-realm.json)', () => {
  it('holds the groups of catalog/org.yaml, nested as their parents', async () => {
    const { groups, pathOf, realm } = await load();
    expect(realmPaths(realm.groups).sort()).toEqual(
      groups.map(g => pathOf(g.metadata.name)).sort(),
    );
  });

  it('holds each catalog User with its email, name and groups, and nobody else', async () => {
    const { users, pathOf, realm } = await load();
    const expected = users.map(u => {
      const [firstName, ...rest] = u.spec.profile.displayName.split(' ');
      return {
        username: u.metadata.name,
        email: u.spec.profile.email,
        // The portal's OIDC provider passes the email on only when verified.
        emailVerified: true,
        firstName,
        lastName: rest.join(' '),
        enabled: true,
        groups: (u.spec.memberOf ?? []).map(pathOf).sort(),
      };
    });
    const actual = realm.users.map(
      ({ credentials: _credentials, ...user }) => ({
        ...user,
        groups: [...user.groups].sort(),
      }),
    );
    expect(actual).toEqual(expected);
  });

  it('gives every user the documented test password, not to be changed at sign-in', async () => {
    const { realm } = await load();
    for (const user of realm.users) {
      expect(user.credentials).toEqual([
        { type: 'password', value: 'scout-dev-password', temporary: false },
      ]);
    }
  });

  it('has the portal as a confidential client with its OIDC callbacks', async () => {
    const { realm } = await load();
    expect(realm.realm).toBe('scout');
    const portal = realm.clients.find(c => c.clientId === 'scout-portal');
    expect(portal).toMatchObject({
      publicClient: false,
      secret: 'scout-portal-dev-secret',
      standardFlowEnabled: true,
    });
    expect(portal?.redirectUris.sort()).toEqual([
      'http://localhost:3000/api/auth/oidc/handler/frame',
      'http://localhost:7007/api/auth/oidc/handler/frame',
    ]);
  });
});

describe('keycloak.conf', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'scout-keycloak-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  it('renders to loopback over plain HTTP, its own ports, an in-memory database and local caches', async () => {
    const vars = keycloakTemplateVars(
      keycloakSettings({ SCOUT_KEYCLOAK_PORT: '18180' }),
    );
    await renderTree(templates, out, vars);
    const conf = parseProperties(
      await readFile(join(out, 'keycloak.conf'), 'utf8'),
    );
    expect(conf).toMatchObject({
      'http-host': '127.0.0.1',
      'http-port': '18180',
      'http-enabled': 'true',
      'hostname-strict': 'false',
      cache: 'local',
      'http-management-port': '18181',
      'health-enabled': 'true',
      db: 'dev-mem',
    });
  });
});

describe('keycloakSettings', () => {
  it('defaults to 18080 and the port after it, and takes overrides', () => {
    expect(keycloakSettings({})).toEqual({
      port: 18080,
      managementPort: 18081,
      realmUrl: 'http://127.0.0.1:18080/realms/scout',
    });
    expect(
      keycloakSettings({
        SCOUT_KEYCLOAK_PORT: '',
        SCOUT_KEYCLOAK_MANAGEMENT_PORT: '19999',
      }).managementPort,
    ).toBe(19999);
  });

  it('names the variable of a bad port', () => {
    expect(() => keycloakSettings({ SCOUT_KEYCLOAK_PORT: 'http' })).toThrow(
      /^SCOUT_KEYCLOAK_PORT: /,
    );
    expect(() =>
      keycloakSettings({ SCOUT_KEYCLOAK_MANAGEMENT_PORT: '70000' }),
    ).toThrow(/^SCOUT_KEYCLOAK_MANAGEMENT_PORT: /);
  });
});
