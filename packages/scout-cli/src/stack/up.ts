import { createTrinoSql } from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Cleanup, trackProcessGroup } from '../processes.ts';
import { portAnswers } from './health.ts';
import { findJava } from './java.ts';
import { withRecord } from './pidFile.ts';
import {
  postgresPid,
  postgresRunning,
  runPostgresScript,
  stopPostgresAtEnd,
} from './postgres.ts';
import { isOurProcess, spawnDetached } from './process.ts';
import {
  DEFAULT_SERVICES,
  MANAGED_SERVICES,
  type ManagedService,
  markerOf,
} from './services.ts';
import { Stack, type StackRun, stopGraceMs } from './stack.ts';
import { formatStatusTable } from './statusTable.ts';

/**
 * `scout stack up`: starts what is not running (PostgreSQL through
 * scripts/lib/postgres.sh, then S3, Nessie, Trino, Keycloak, Prometheus,
 * Alertmanager and Gitea together, each once its download or build is
 * done), waits until each answers, and leaves running services alone; then
 * each service's afterUp (Gitea's accounts).
 * Superset (OPT_IN_SERVICES) starts only when named.
 * What it started keeps running once every start succeeded; a failure or a
 * signal halfway stops it again (../processes.ts).
 */
export async function stackUp(run: StackRun): Promise<number> {
  const stack = await Stack.create(
    run.services.length > 0 ? run : { ...run, services: DEFAULT_SERVICES },
  );
  await stack.load();
  const started: Cleanup[] = [];
  const abort = new AbortController();
  try {
    const code = await startStack(stack, started, abort.signal);
    for (const cleanup of started) cleanup.keep();
    return code;
  } catch (error) {
    abort.abort(); // the other services' waits end too
    for (const cleanup of [...started].reverse()) await cleanup.stop();
    throw error;
  }
}

async function startStack(
  stack: Stack,
  started: Cleanup[],
  signal: AbortSignal,
): Promise<number> {
  const startedAt = Date.now();
  const { ctx, run } = stack;
  await mkdir(ctx.paths.logs, { recursive: true });

  const wanted = MANAGED_SERVICES.filter(s => stack.wants(s.name));
  const statuses = new Map(
    await Promise.all(
      wanted.map(async s => [s.name, await stack.serviceStatus(s)] as const),
    ),
  );
  const toStart = wanted.filter(s => statuses.get(s.name)?.state !== 'up');
  // Refuse before downloading or starting anything.
  for (const service of toStart) await refuseForeignPorts(stack, service);

  if (stack.wants('postgres')) await ensurePostgres(stack, started);

  const launching = toStart.filter(s => statuses.get(s.name)?.state === 'down');
  const java = launching.some(s => !s.native) ? findJava(ctx.env) : '';
  // All at once, each as soon as its own download or build is done: Trino's
  // catalogs reach S3 and Nessie only when queried, the JVMs' start-ups
  // overlap, and they need not wait for a Gitea build (minutes, cold).
  await Promise.all(
    toStart.map(async s =>
      launching.includes(s)
        ? startService(stack, s, java, await s.fetch(ctx), { started, signal })
        : waitHealthy(stack, s, undefined, signal),
    ),
  );
  if (toStart.some(s => s.name === 'trino')) await checkTrinoCatalogs(stack);
  for (const service of wanted) await service.afterUp?.(ctx);

  const all = await stack.allStatuses();
  run.out(formatStatusTable(all));
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  ctx.log(
    toStart.length === 0
      ? `already running (${seconds} s)`
      : `up in ${seconds} s${
          // The lakehouse's namespaces, once, after its services first start.
          toStart.some(s => s.name === 'trino')
            ? '; next, once: ./scripts/yarn scout lakehouse init'
            : ''
        }`,
  );
  return all.every(s => s.state === 'up') ? 0 : 1;
}

async function refuseForeignPorts(stack: Stack, service: ManagedService) {
  const { settings } = stack.ctx;
  const record = stack.pids.services[service.name];
  if (
    record &&
    (await isOurProcess(record.pid, markerOf(service, stack.ctx.paths)))
  ) {
    return;
  }
  for (const port of service.ports(settings)) {
    if (await portAnswers(port)) {
      const variable =
        port === service.ports(settings)[0]
          ? service.portEnv
          : service.managementPortEnv;
      throw new Error(
        `${service.name}: port ${port} is in use by a process that "scout stack up" did not start; stop it or set ${variable} to a free port`,
      );
    }
  }
}

async function ensurePostgres(stack: Stack, started: Cleanup[]) {
  const { root } = stack.run;
  const { settings } = stack.ctx;
  const recorded = stack.pids.services.postgres;
  if (await postgresRunning(root)) {
    // Running before any `up` (e.g. by scripts/test.sh): `down` leaves it.
    if (!recorded) {
      stack.pids = withRecord(stack.pids, 'postgres', {
        pid: await requirePostgresPid(root),
        port: settings.postgres.port,
        startedAt: new Date().toISOString(),
        external: true,
      });
      await stack.save();
    }
    return;
  }
  if (await portAnswers(settings.postgres.port)) {
    throw new Error(
      `postgres: port ${settings.postgres.port} is in use by another server; stop it or set SCOUT_PG_PORT to a free port`,
    );
  }
  const starting = runPostgresScript(root, 'pg_start');
  started.push(
    stopPostgresAtEnd(root, starting, () => stack.forget('postgres')),
  );
  await starting;
  stack.pids = withRecord(stack.pids, 'postgres', {
    pid: await requirePostgresPid(root),
    port: settings.postgres.port,
    startedAt: new Date().toISOString(),
    external: false,
  });
  await stack.save();
}

async function requirePostgresPid(root: string): Promise<number> {
  const pid = await postgresPid(root);
  if (pid === undefined) {
    throw new Error(
      'postgres: running, but .scout/postgres/data/postmaster.pid has no PID',
    );
  }
  return pid;
}

async function startService(
  stack: Stack,
  service: ManagedService,
  java: string,
  artifact: string,
  { started, signal }: { started: Cleanup[]; signal: AbortSignal },
) {
  const { ctx } = stack;
  const args = await service.prepare(ctx, artifact);
  const logFile = stack.logFile(service.name);
  const cwd = join(ctx.paths.state, service.name);
  await mkdir(cwd, { recursive: true });
  // Another service failed while this one was downloaded or built: its
  // cleanup has run, so this one must not start after it.
  if (signal.aborted) throw new Error(`${service.name}: start abandoned`);
  const port = service.ports(ctx.settings)[0];
  ctx.log(
    `starting ${service.name} on 127.0.0.1:${port} (log: ${stack.shown(
      logFile,
    )})`,
  );
  const launch = service.native
    ? { command: artifact, env: {} }
    : service.launcher?.(java) ?? { command: java, env: {} };
  const child = spawnDetached(launch.command, args, {
    cwd,
    logFile,
    env: { ...ctx.env, ...launch.env } as NodeJS.ProcessEnv,
  });
  started.push(
    trackProcessGroup(service.name, child.pid, {
      graceMs: stopGraceMs(service),
      after: () => stack.forget(service.name),
    }),
  );
  // Recorded before the wait, so `down` can stop a start that hangs.
  stack.pids = withRecord(stack.pids, service.name, {
    pid: child.pid,
    port,
    startedAt: new Date().toISOString(),
  });
  await stack.save();
  await waitHealthy(stack, service, child.exitCode, signal);
}

async function waitHealthy(
  stack: Stack,
  service: ManagedService,
  exitCode: (() => number | null | undefined) | undefined,
  signal: AbortSignal,
) {
  const { ctx } = stack;
  const started = Date.now();
  const logFile = stack.logFile(service.name);
  let nextNote = started + 15_000;
  for (;;) {
    if (signal.aborted) throw new Error(`${service.name}: start abandoned`);
    if (await service.healthy(ctx.settings)) {
      ctx.log(
        `${service.name} is up after ${((Date.now() - started) / 1000).toFixed(
          1,
        )} s`,
      );
      return;
    }
    const code = exitCode?.();
    if (code !== undefined) {
      throw new Error(
        `${
          service.name
        } exited during start-up (exit code ${code}); the end of ${stack.shown(
          logFile,
        )}:\n${await tail(logFile, 20)}`,
      );
    }
    if (Date.now() - started > service.startTimeoutMs) {
      throw new Error(
        `${service.name} did not answer within ${
          service.startTimeoutMs / 1000
        } s; it is still running (see ${stack.shown(
          logFile,
        )}; "scout stack down" stops it)`,
      );
    }
    if (Date.now() >= nextNote) {
      ctx.log(
        `waiting for ${service.name} (${Math.round(
          (Date.now() - started) / 1000,
        )} s)`,
      );
      nextNote += 15_000;
    }
    await sleep(500);
  }
}

/** Trino starts even when a catalog fails to load: say so instead of failing later. */
async function checkTrinoCatalogs(stack: Stack) {
  const { settings } = stack.ctx;
  const trino = createTrinoSql({
    server: `http://127.0.0.1:${settings.trino.port}`,
    user: settings.trino.user,
  });
  const rows = await trino('select catalog_name from system.metadata.catalogs');
  const loaded = new Set(rows.map(([name]) => String(name)));
  const missing = [
    settings.trino.icebergCatalog,
    settings.trino.postgresCatalog,
  ].filter(name => !loaded.has(name));
  if (missing.length > 0) {
    throw new Error(
      `Trino started without catalog(s) ${missing.join(
        ', ',
      )}; look for "Failed to load catalog" in ${stack.shown(
        stack.logFile('trino'),
      )}`,
    );
  }
}

async function tail(file: string, lines: number): Promise<string> {
  if (!existsSync(file)) return '(no log)';
  const text = await readFile(file, 'utf8');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
