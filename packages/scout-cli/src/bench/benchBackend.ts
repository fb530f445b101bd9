import {
  BackendFeature,
  coreServices,
  createBackendModule,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../processes.ts';

/** Warnings and errors go to the progress stream; stdout carries only the JSON line. */
function quietLogger(progress: (msg: string) => void) {
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
 * A backend in this process for a benchmark: backend-defaults' services,
 * loopback on `port`, SQLite files in a temporary folder, logs reduced to
 * warnings on the progress stream, `config` merged over that, and
 * `features`. Stopped by `stop`, or by the CLI's cleanup when it exits.
 */
export async function startBenchBackend(options: {
  /** Names the temporary folder: scout-bench-<name>-. */
  name: string;
  port: number;
  config: (baseUrl: string) => JsonObject;
  features: (BackendFeature | Promise<{ default: BackendFeature }>)[];
  progress: (msg: string) => void;
  /**
   * Plugins whose database is SQLite in memory, as app-config.yaml has it:
   * their one connection is kept for the whole run (closing it would lose
   * the data) and closed when the backend stops, so the CLI can exit.
   */
  inMemoryDatabases?: string[];
}): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // Loaded here, not at the top: every other scout command would pay for it.
  const { createBackend } = await import('@backstage/backend-defaults');
  const backend = createBackend();
  const dataDir = mkdtempSync(join(tmpdir(), `scout-bench-${options.name}-`));
  const config = ConfigReader.fromConfigs([
    {
      context: 'bench',
      data: {
        backend: {
          baseUrl,
          listen: { host: '127.0.0.1', port: options.port },
          database: {
            client: 'better-sqlite3',
            connection: { directory: dataDir },
            // No idle connection: the pools' reapers stop, so the CLI can exit.
            knexConfig: { pool: { min: 0, idleTimeoutMillis: 500 } },
            plugin: Object.fromEntries(
              (options.inMemoryDatabases ?? []).map(id => [
                id,
                {
                  connection: ':memory:',
                  knexConfig: { pool: { min: 1, max: 1 } },
                },
              ]),
            ),
          },
        },
      },
    },
    { context: 'bench', data: options.config(baseUrl) },
  ]);
  backend.add(
    createServiceFactory({
      service: coreServices.rootConfig,
      deps: {},
      factory: () => config,
    }),
  );
  backend.add(quietLogger(options.progress));
  options.features.forEach(feature => backend.add(feature));
  for (const pluginId of options.inMemoryDatabases ?? []) {
    backend.add(closesDatabaseOf(pluginId));
  }

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
  return { baseUrl, stop: () => cleanup.stop() };
}

/** A module that closes `pluginId`'s database when the backend stops. */
function closesDatabaseOf(pluginId: string) {
  return createBackendModule({
    pluginId,
    moduleId: 'bench-database-closer',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          lifecycle: coreServices.lifecycle,
        },
        async init({ database, lifecycle }) {
          const client = await database.getClient();
          lifecycle.addShutdownHook(() => client.destroy());
        },
      });
    },
  });
}
