import {
  coreServices,
  createBackendPlugin,
  createServiceFactory,
  HttpRouterService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { scoutPermissionsServiceFactoryWithOptions } from '@internal/backstage-plugin-permission-backend-module-scout';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../processes.ts';

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
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const timings: Timings = { authorize: [], policy: [] };
  // Loaded here, not at the top: every other scout command would pay for it.
  const { createBackend } = await import('@backstage/backend-defaults');
  const backend = createBackend();
  const dataDir = mkdtempSync(join(tmpdir(), 'scout-bench-permission-'));
  backend.add(rootConfig(baseUrl, options.port, dataDir, options.ownership));
  backend.add(quietLogger(options.progress));
  backend.add(import('@backstage/plugin-auth-backend'));
  backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@internal/backstage-plugin-permission-backend-module-scout'),
  );
  backend.add(timedPermissionsService(timings.policy));
  backend.add(benchPlugin(options.permission, timings.authorize));

  // The CLI owns SIGINT/SIGTERM and the exit code (../processes.ts); the
  // backend's own handlers would exit the process with 0 behind its back.
  const events = ['SIGINT', 'SIGTERM', 'beforeExit'] as const;
  const before = events.map(e => new Set(process.listeners(e)));
  const cleanup = onCleanup('the bench backend', async () => {
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  try {
    await backend.start();
  } catch (error) {
    await cleanup.stop();
    throw error;
  } finally {
    events.forEach((e, i) =>
      process
        .listeners(e)
        .filter(l => !before[i].has(l))
        .forEach(l => process.removeListener(e, l)),
    );
  }
  return { baseUrl, timings, stop: () => cleanup.stop() };
}

/** Loopback only, SQLite files in `dataDir`, guest sign-in as `ownership[0]`. */
function rootConfig(
  baseUrl: string,
  port: number,
  dataDir: string,
  ownership: string[],
) {
  const config = new ConfigReader({
    app: { baseUrl },
    backend: {
      baseUrl,
      listen: { host: '127.0.0.1', port },
      database: {
        client: 'better-sqlite3',
        connection: { directory: dataDir },
        // No idle connection: the pools' reapers stop, so the CLI can exit.
        knexConfig: { pool: { min: 0, idleTimeoutMillis: 500 } },
      },
    },
    permission: { enabled: true },
    auth: {
      providers: {
        guest: {
          // This backend answers on loopback only, for the run's duration.
          dangerouslyAllowOutsideDevelopment: true,
          userEntityRef: ownership[0],
          ownershipEntityRefs: ownership,
        },
      },
    },
  });
  return createServiceFactory({
    service: coreServices.rootConfig,
    deps: {},
    factory: () => config,
  });
}

/** Warnings and errors go to the progress stream; stdout carries only the JSON line. */
export function quietLogger(progress: (msg: string) => void) {
  const logger: LoggerService = {
    error: message => progress(`backend error: ${message}`),
    warn: message => progress(`backend warning: ${message}`),
    info: () => {},
    debug: () => {},
    child: () => logger,
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger,
  });
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
