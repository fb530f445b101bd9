import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { permissionRules } from '@backstage/plugin-catalog-backend/alpha';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  catalogEntityReadPermission,
  catalogPermissions,
} from '@backstage/plugin-catalog-common/alpha';
import { kubernetesPermissions } from '@backstage/plugin-kubernetes-common';
import {
  scaffolderPermissions,
  taskCreatePermission,
  templateManagementPermission,
} from '@backstage/plugin-scaffolder-common/alpha';
import {
  lakehousePermissions,
  lakehouseTablePreviewPermission,
} from '@internal/backstage-plugin-lakehouse-common';
import {
  scoutMigrationsApplyPermission,
  scoutPermissions,
  scoutPipelineRunPermission,
} from '@internal/backstage-plugin-scout-node';
import {
  ANY_SIGNED_IN_USER,
  permissionTable,
  templateRunners,
} from './permissionTable';
import { ScoutPermissionPolicy } from './ScoutPermissionPolicy';
import {
  PEOPLE,
  peopleUserInfo,
  Person,
  policyUser,
} from './__testUtils__/people';

const { ALLOW, DENY, CONDITIONAL } = AuthorizeResult;
const { platform, dataEngineering, analytics, newcomer } = PEOPLE;

// Every permission the installed plugins define (packages/backend/src/index.ts).
const installed: Permission[] = [
  ...scoutPermissions,
  ...lakehousePermissions,
  ...catalogPermissions,
  ...scaffolderPermissions,
  ...kubernetesPermissions,
];

const policy = new ScoutPermissionPolicy({ userInfo: peopleUserInfo() });
const decide = async (permission: Permission, person?: Person) =>
  (await policy.handle({ permission }, person && policyUser(person))).result;
const byName = (name: string) => {
  const permission = installed.find(p => p.name === name);
  if (!permission) throw new Error(`no installed permission ${name}`);
  return permission;
};

describe('the rows the issue asks for', () => {
  const everyone = [platform, dataEngineering, analytics, newcomer];
  it.each([
    {
      permission: scoutMigrationsApplyPermission,
      allowed: [platform],
      denied: [dataEngineering, analytics, newcomer],
    },
    {
      permission: scoutPipelineRunPermission,
      allowed: [platform, dataEngineering],
      denied: [analytics, newcomer],
    },
    {
      permission: lakehouseTablePreviewPermission,
      allowed: everyone,
      denied: [],
    },
    { permission: taskCreatePermission, allowed: everyone, denied: [] },
    {
      permission: templateManagementPermission,
      allowed: [platform],
      denied: [dataEngineering, analytics, newcomer],
    },
  ])('$permission.name', async ({ permission, allowed, denied }) => {
    for (const person of allowed) {
      expect(await decide(permission, person)).toBe(ALLOW);
    }
    for (const person of denied) {
      expect(await decide(permission, person)).toBe(DENY);
    }
    // No user: an anonymous caller.
    expect(await decide(permission)).toBe(DENY);
  });
});

describe.each(Object.entries(permissionTable))('row %s', (name, allowed) => {
  const permission = byName(name);

  if (name === catalogEntityReadPermission.name) {
    it('lets a signed-in user in no group read all but the templates (below)', async () => {
      expect(await decide(permission, newcomer)).toBe(CONDITIONAL);
    });
  } else if (allowed === ANY_SIGNED_IN_USER) {
    it('allows a signed-in user in no group at all', async () => {
      expect(await decide(permission, newcomer)).toBe(ALLOW);
    });
  } else {
    it('allows a member of each of its groups', async () => {
      for (const group of allowed) {
        const member = Object.values(PEOPLE).find(
          p => `group:default/${p.group}` === group,
        );
        expect(member).toBeDefined();
        expect(await decide(permission, member)).toBe(ALLOW);
      }
    });

    it('denies a member of another group, and a user in none', async () => {
      expect(await decide(permission, analytics)).toBe(DENY);
      expect(await decide(permission, newcomer)).toBe(DENY);
    });
  }

  it('denies a caller who is not a user', async () => {
    expect(await decide(permission)).toBe(DENY);
  });
});

describe('what the table does not name', () => {
  it('gives every permission the installed plugins define a row, and no other rows', () => {
    const rows = Object.keys(permissionTable).sort();
    expect(rows).toEqual([...new Set(installed.map(p => p.name))].sort());
  });

  it.each([
    'deploy.production.run',
    'scout.migrations.apply.all',
    'constructor',
    '__proto__',
    'toString',
  ])(
    'denies the unknown permission %s, even to the platform team',
    async name => {
      const unknown = createPermission({ name, attributes: {} });
      expect(await decide(unknown, platform)).toBe(DENY);
    },
  );

  it('compares group refs the way Backstage does, ignoring case', async () => {
    const shouting = new ScoutPermissionPolicy({
      userInfo: mockServices.userInfo({
        ownershipEntityRefs: ['group:default/Platform-Team'],
      }),
    });
    const decision = await shouting.handle(
      { permission: scoutMigrationsApplyPermission },
      policyUser(platform),
    );
    expect(decision.result).toBe(ALLOW);
  });
});

describe('who may see and run each template (catalog.entity.read)', () => {
  // The catalog's own rules, applied to one entity as the catalog applies
  // them to its queries.
  const authorize = createConditionAuthorizer(Object.values(permissionRules));
  const entity = (kind: string, name: string): Entity => ({
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind,
    metadata: { name, namespace: 'default' },
  });
  const reads = async (person: Person, target: Entity) => {
    const decision = await policy.handle(
      { permission: catalogEntityReadPermission },
      policyUser(person),
    );
    return decision.result === CONDITIONAL
      ? authorize(decision, target)
      : decision.result === ALLOW;
  };

  it.each([
    ['new-data-pipeline', [platform, dataEngineering], [analytics, newcomer]],
    ['new-dbt-model', [platform, dataEngineering], [analytics, newcomer]],
    ['new-edge-function', [platform], [dataEngineering, analytics, newcomer]],
    ['a-template-without-a-row', [platform], [dataEngineering, newcomer]],
  ] as const)('template %s', async (name, allowed, denied) => {
    for (const person of allowed) {
      expect(await reads(person, entity('Template', name))).toBe(true);
    }
    for (const person of denied) {
      expect(await reads(person, entity('Template', name))).toBe(false);
    }
  });

  it('hides nothing but templates', async () => {
    for (const person of [analytics, newcomer]) {
      expect(
        await reads(person, entity('Component', 'new-edge-function')),
      ).toBe(true);
    }
  });

  it('lists each template row with groups that exist', () => {
    for (const [ref, allowed] of Object.entries(templateRunners)) {
      expect(ref).toMatch(/^template:default\/[a-z0-9-]+$/);
      expect(allowed).not.toBe(ANY_SIGNED_IN_USER);
    }
  });
});
