import {
  coreServices,
  createBackendPlugin,
  HttpRouterService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { scoutPermissionsServiceFactoryWithOptions } from '@internal/backstage-plugin-permission-backend-module-scout';
import { startBenchBackend } from './benchBackend.ts';

/** Durations in milliseconds, appended as requests come in. */
export type Timings = { authorize: number[]; policy: number[] };

/**
 * A backend in this process for the permission bench: backend-defaults'
 * services (real auth, tokens and permissions client), the auth backend with
 * guest sign-in as `ownership[0]`, a member of the rest, the permission
 * backend with the Scout policy, and a `bench` plugin whose /plain and
 * /checked run the same handler, /checked with a check of `permission`.
 */
export async function startPermissionBackend(options: {
  port: number;
  permission: BasicPermission;
  ownership: string[];
  progress: (msg: string) => void;
}) {
  const timings: Timings = { authorize: [], policy: [] };
  const backend = await startBenchBackend({
    name: 'permission',
    port: options.port,
    progress: options.progress,
    // Guest sign-in as `ownership[0]`.
    config: baseUrl => ({
      app: { baseUrl },
      permission: { enabled: true },
      auth: {
        providers: {
          guest: {
            // This backend answers on loopback only, for the run's duration.
            dangerouslyAllowOutsideDevelopment: true,
            userEntityRef: options.ownership[0],
            ownershipEntityRefs: options.ownership,
          },
        },
      },
    }),
    features: [
      import('@backstage/plugin-auth-backend'),
      import('@backstage/plugin-auth-backend-module-guest-provider'),
      import('@backstage/plugin-permission-backend'),
      import('@internal/backstage-plugin-permission-backend-module-scout'),
      timedPermissionsService(timings.policy),
      benchPlugin(options.permission, timings.authorize),
    ],
  });
  return { ...backend, timings };
}

/**
 * The portal's permissions service, as packages/backend adds it, with the
 * policy's own decision time recorded.
 */
function timedPermissionsService(policyMs: number[]) {
  return scoutPermissionsServiceFactoryWithOptions({
    wrapPolicy: policy => ({
      async handle(request, user) {
        const started = performance.now();
        const decision = await policy.handle(request, user);
        policyMs.push(performance.now() - started);
        return decision;
      },
    }),
  });
}

/** The same handler behind /plain and /checked; only the check differs. */
function benchPlugin(permission: BasicPermission, authorizeMs: number[]) {
  return createBackendPlugin({
    pluginId: 'bench',
    register(env) {
      env.registerInit({
        deps: {
          httpAuth: coreServices.httpAuth,
          httpRouter: coreServices.httpRouter,
          permissions: coreServices.permissions,
        },
        async init({ httpAuth, httpRouter, permissions }) {
          const handler: Parameters<HttpRouterService['use']>[0] = (
            req,
            res,
            next,
          ) => {
            (async () => {
              if (req.path !== '/plain' && req.path !== '/checked') {
                throw new NotFoundError(req.path);
              }
              const credentials = await httpAuth.credentials(req, {
                allow: ['user'],
              });
              if (req.path === '/checked') {
                const started = performance.now();
                const [decision] = await permissions.authorize(
                  [{ permission }],
                  { credentials },
                );
                authorizeMs.push(performance.now() - started);
                if (decision.result !== AuthorizeResult.ALLOW) {
                  throw new NotAllowedError(`${permission.name} was denied`);
                }
              }
              res.json({ ok: true });
            })().catch(next);
          };
          httpRouter.use(handler);
        },
      });
    },
  });
}
