import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { lakehouseTablePreviewPermission } from '@internal/backstage-plugin-lakehouse-common';
import {
  scoutMigrationsApplyPermission,
  scoutPipelineRunPermission,
} from '@internal/backstage-plugin-scout-node';
import request from 'supertest';
import { permissionModuleScoutPolicy } from './module';
import { scoutPermissionsServiceFactory } from './permissionsService';
import { PEOPLE, peopleUserInfo } from './__testUtils__/people';

// The policy as installed: the real permission backend with this module, and
// the permissions service that plugins call: Backstage's own (it asks the
// permission backend over HTTP) and ours (it asks the policy in-process, as
// packages/backend installs it); both must answer alike. Tokens are
// Backstage's test tokens; userInfo answers from PEOPLE.

const { ALLOW, DENY } = AuthorizeResult;

type Factory = typeof permissionsServiceFactory;

async function startWith(
  permissionsFactory: Factory,
  permission: { enabled: boolean } = { enabled: true },
) {
  let permissions: PermissionsService | undefined;
  // A plugin that checks permissions the way scout-backend's router does.
  const probe = createBackendPlugin({
    pluginId: 'probe',
    register(env) {
      env.registerInit({
        deps: { permissions: coreServices.permissions },
        async init(deps) {
          permissions = deps.permissions;
        },
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      import('@backstage/plugin-permission-backend'),
      permissionModuleScoutPolicy,
      probe,
      permissionsFactory,
      createServiceFactory({
        service: coreServices.userInfo,
        deps: {},
        factory: peopleUserInfo,
      }),
      mockServices.rootConfig.factory({
        data: { permission },
      }),
    ],
  });
  return { server, permissions: permissions! };
}

describe.each([
  ['over HTTP (Backstage’s service)', permissionsServiceFactory],
  ['in-process (ScoutPermissionsService)', scoutPermissionsServiceFactory],
])('the scout policy, asked %s', (_, factory) => {
  const start = (permission?: { enabled: boolean }) =>
    startWith(factory, permission);

  it('decides a plugin’s checks by the caller’s groups', async () => {
    const { permissions } = await start();
    const decide = async (
      permission: typeof scoutPipelineRunPermission,
      ref: string,
    ) => {
      const [decision] = await permissions.authorize([{ permission }], {
        credentials: mockCredentials.user(ref),
      });
      return decision.result;
    };

    expect(
      await decide(scoutPipelineRunPermission, PEOPLE.dataEngineering.ref),
    ).toBe(ALLOW);
    expect(await decide(scoutPipelineRunPermission, PEOPLE.analytics.ref)).toBe(
      DENY,
    );
    expect(
      await decide(scoutMigrationsApplyPermission, PEOPLE.platform.ref),
    ).toBe(ALLOW);
    expect(
      await decide(scoutMigrationsApplyPermission, PEOPLE.dataEngineering.ref),
    ).toBe(DENY);
    expect(
      await decide(lakehouseTablePreviewPermission, PEOPLE.newcomer.ref),
    ).toBe(ALLOW);
  });

  // "No user" never reaches the policy in a real backend: the default auth
  // policy turns an anonymous call away first. (The policy denies it too.)
  it('turns away a request that carries no credentials', async () => {
    const { server } = await start();
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('authorization', mockCredentials.none.header())
      .send({
        items: [{ id: '1', permission: lakehouseTablePreviewPermission }],
      });
    expect(res.status).toBe(401);
  });

  // Backstage 1.55's permissions service answers for service principals
  // itself and never asks the policy: a plugin's own token is allowed
  // everything; an external access token only what its accessRestrictions
  // name (backend.auth.externalAccess[].accessRestrictions).
  it('leaves service principals to their access restrictions', async () => {
    const { permissions } = await start();
    const decide = async (
      permission: typeof scoutPipelineRunPermission,
      credentials: ReturnType<typeof mockCredentials.service>,
    ) =>
      (await permissions.authorize([{ permission }], { credentials }))[0]
        .result;

    const plugin = mockCredentials.service('plugin:catalog');
    expect(await decide(scoutMigrationsApplyPermission, plugin)).toBe(ALLOW);

    const scraper = mockCredentials.service('external:prometheus', {
      permissionAttributes: { action: ['read'] },
    });
    expect(await decide(lakehouseTablePreviewPermission, scraper)).toBe(ALLOW);
    expect(await decide(scoutPipelineRunPermission, scraper)).toBe(DENY);
  });

  it('allows everything when the framework is switched off', async () => {
    const { permissions } = await start({ enabled: false });
    const [decision] = await permissions.authorize(
      [{ permission: scoutMigrationsApplyPermission }],
      { credentials: mockCredentials.user(PEOPLE.analytics.ref) },
    );
    expect(decision.result).toBe(ALLOW);
  });
});
