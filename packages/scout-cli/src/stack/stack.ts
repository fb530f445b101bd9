import {
  createTrinoSql,
  lakehouseSettings,
} from '@internal/backstage-plugin-scout-node';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stackVersions } from './artifacts.ts';
import { portAnswers } from './health.ts';
import { findJava } from './java.ts';
import { stackPaths } from './paths.ts';
import {
  type PidFile,
  readPidFile,
  withoutRecord,
  withRecord,
  writePidFile,
} from './pidFile.ts';
import { postgresPid, postgresRunning, runPostgresScript } from './postgres.ts';
import {
  isAlive,
  isOurProcess,
  spawnDetached,
  stopProcessGroup,
} from './process.ts';
import {
  JAVA_SERVICES,
  type JavaService,
  type ServiceName,
  SERVICES,
  type StackContext,
} from './services.ts';
import { formatStatusTable, type ServiceStatus } from './statusTable.ts';

export type StackRun = {
  root: string;
  /** The services to act on; all when empty. */
  services: ServiceName[];
  env?: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
};

/** Shared by up, down and status: paths, settings and the pid file. */
class Stack {
  readonly ctx: StackContext;
  readonly pidPath: string;
  pids: PidFile = { services: {} };
  #saving = Promise.resolve();

  constructor(readonly run: StackRun) {
    const env = run.env ?? process.env;
    const paths = stackPaths(run.root);
    this.ctx = {
      paths,
      env,
      settings: lakehouseSettings(env),
      versions: stackVersions(env),
      log: line => run.err(`[stack] ${line}\n`),
    };
    this.pidPath = join(paths.state, 'pids.json');
  }

  async load() {
    this.pids = await readPidFile(this.pidPath);
  }

  /** Saves one after another, so the last save holds the latest state. */
  save(): Promise<void> {
    this.#saving = this.#saving.then(() =>
      writePidFile(this.pidPath, this.pids),
    );
    return this.#saving;
  }

  wants(name: ServiceName): boolean {
    return this.run.services.length === 0 || this.run.services.includes(name);
  }

  logFile(name: ServiceName): string {
    return join(this.ctx.paths.logs, `${name}.log`);
  }

  shown(path: string): string {
    return relative(this.run.root, path);
  }

  async status(name: ServiceName): Promise<ServiceStatus> {
    return name === 'postgres'
      ? this.postgresStatus()
      : this.javaStatus(JAVA_SERVICES.find(s => s.name === name)!);
  }

  async postgresStatus(): Promise<ServiceStatus> {
    const { settings } = this.ctx;
    const pid = await postgresPid(this.run.root);
    const ours = pid !== undefined && isAlive(pid);
    const answers = await portAnswers(settings.postgres.port);
    return {
      service: 'postgres',
      url: settings.postgres.url,
      port: settings.postgres.port,
      pid: ours ? pid : undefined,
      state: stateOf(ours, answers, answers),
      log: this.shown(this.logFile('postgres')),
    };
  }

  async javaStatus(service: JavaService): Promise<ServiceStatus> {
    const { settings } = this.ctx;
    const record = this.pids.services[service.name];
    const ours =
      record !== undefined && (await isOurProcess(record.pid, service.name));
    const healthy = await service.healthy(settings);
    const answers =
      healthy ||
      (
        await Promise.all(service.ports(settings).map(p => portAnswers(p)))
      ).some(Boolean);
    return {
      service: service.name,
      url: service.url(settings),
      port: service.ports(settings)[0],
      pid: ours ? record.pid : undefined,
      state: stateOf(ours, healthy, answers),
      log: this.shown(this.logFile(service.name)),
    };
  }

  async allStatuses(): Promise<ServiceStatus[]> {
    return Promise.all(
      SERVICES.filter(name => this.wants(name)).map(name => this.status(name)),
    );
  }
}

function stateOf(
  ours: boolean,
  healthy: boolean,
  portAnswered: boolean,
): ServiceStatus['state'] {
  if (ours) return healthy ? 'up' : 'starting';
  return portAnswered ? 'foreign' : 'down';
}

/** `scout stack status`: exit code 1 when a service is not up. */
export async function stackStatus(
  run: StackRun & { json: boolean },
): Promise<number> {
  const stack = new Stack(run);
  await stack.load();
  const statuses = await stack.allStatuses();
  run.out(
    run.json
      ? `${JSON.stringify(statuses, null, 2)}\n`
      : formatStatusTable(statuses),
  );
  return statuses.every(s => s.state === 'up') ? 0 : 1;
}

/**
 * `scout stack up`: starts what is not running (PostgreSQL through
 * scripts/lib/postgres.sh, then S3, Nessie and Trino together), waits until
 * each answers, and leaves running services alone.
 */
export async function stackUp(run: StackRun): Promise<number> {
  const started = Date.now();
  const stack = new Stack(run);
  const { ctx } = stack;
  await stack.load();
  await mkdir(ctx.paths.logs, { recursive: true });

  const wanted = JAVA_SERVICES.filter(s => stack.wants(s.name));
  const statuses = new Map(
    await Promise.all(
      wanted.map(async s => [s.name, await stack.javaStatus(s)] as const),
    ),
  );
  const toStart = wanted.filter(s => statuses.get(s.name)?.state !== 'up');
  // Refuse before downloading or starting anything.
  for (const service of toStart) await refuseForeignPorts(stack, service);

  if (stack.wants('postgres')) await ensurePostgres(stack);

  const launching = toStart.filter(s => statuses.get(s.name)?.state === 'down');
  const java = launching.length > 0 ? findJava(ctx.env) : '';
  const artifacts = new Map(
    await Promise.all(
      launching.map(async s => [s.name, await s.fetch(ctx)] as const),
    ),
  );
  // All at once: Trino's catalogs reach S3 and Nessie only when queried,
  // and the JVMs' start-ups overlap.
  await Promise.all(
    toStart.map(s =>
      statuses.get(s.name)?.state === 'starting'
        ? waitHealthy(stack, s, undefined)
        : startService(stack, s, java, artifacts.get(s.name)!),
    ),
  );
  if (toStart.some(s => s.name === 'trino')) await checkTrinoCatalogs(stack);

  const all = await stack.allStatuses();
  run.out(formatStatusTable(all));
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  ctx.log(
    toStart.length === 0
      ? `already running (${seconds} s)`
      : `up in ${seconds} s; next, once: ./scripts/yarn scout lakehouse init`,
  );
  return all.every(s => s.state === 'up') ? 0 : 1;
}

async function refuseForeignPorts(stack: Stack, service: JavaService) {
  const { settings } = stack.ctx;
  const record = stack.pids.services[service.name];
  if (record && (await isOurProcess(record.pid, service.name))) return;
  for (const port of service.ports(settings)) {
    if (await portAnswers(port)) {
      const variable =
        port === service.ports(settings)[0]
          ? service.portEnv
          : 'SCOUT_NESSIE_MANAGEMENT_PORT';
      throw new Error(
        `${service.name}: port ${port} is in use by a process that "scout stack up" did not start; stop it or set ${variable} to a free port`,
      );
    }
  }
}

async function ensurePostgres(stack: Stack) {
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
  await runPostgresScript(root, 'pg_start');
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
  service: JavaService,
  java: string,
  artifact: string,
) {
  const { ctx } = stack;
  const args = await service.prepare(ctx, artifact);
  const logFile = stack.logFile(service.name);
  const cwd = join(ctx.paths.state, service.name);
  await mkdir(cwd, { recursive: true });
  const port = service.ports(ctx.settings)[0];
  ctx.log(
    `starting ${service.name} on 127.0.0.1:${port} (log: ${stack.shown(
      logFile,
    )})`,
  );
  const child = spawnDetached(java, args, {
    cwd,
    logFile,
    env: ctx.env as NodeJS.ProcessEnv,
  });
  // Recorded before the wait, so `down` can stop a start that hangs.
  stack.pids = withRecord(stack.pids, service.name, {
    pid: child.pid,
    port,
    startedAt: new Date().toISOString(),
  });
  await stack.save();
  await waitHealthy(stack, service, child.exitCode);
}

async function waitHealthy(
  stack: Stack,
  service: JavaService,
  exitCode: (() => number | null | undefined) | undefined,
) {
  const { ctx } = stack;
  const started = Date.now();
  const logFile = stack.logFile(service.name);
  let nextNote = started + 15_000;
  for (;;) {
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

/**
 * `scout stack down`: stops what `up` started, by recorded PID (SIGTERM,
 * then SIGKILL of the process group), Trino first; PostgreSQL through
 * pg_stop, and only when `up` started it.
 */
export async function stackDown(run: StackRun): Promise<number> {
  const stack = new Stack(run);
  const { ctx } = stack;
  await stack.load();
  for (const service of [...JAVA_SERVICES].reverse()) {
    if (!stack.wants(service.name)) continue;
    const record = stack.pids.services[service.name];
    if (!record) {
      if (await service.healthy(ctx.settings)) {
        ctx.log(
          `${service.name}: not started by "scout stack up"; left running`,
        );
      }
      continue;
    }
    if (await isOurProcess(record.pid, service.name)) {
      const how = await stopProcessGroup(
        record.pid,
        service.name === 'trino' ? 30_000 : 15_000,
      );
      ctx.log(`${service.name} (pid ${record.pid}): ${how}`);
    } else {
      ctx.log(`${service.name}: pid ${record.pid} was no longer running`);
    }
    stack.pids = withoutRecord(stack.pids, service.name);
    await stack.save();
  }
  if (stack.wants('postgres')) {
    const record = stack.pids.services.postgres;
    if (record && !record.external) {
      await runPostgresScript(run.root, 'pg_stop');
      ctx.log('postgres: stopped');
    } else if (record?.external) {
      ctx.log('postgres: was running before "scout stack up"; left running');
    }
    stack.pids = withoutRecord(stack.pids, 'postgres');
    await stack.save();
  }
  return 0;
}
