import { join, relative } from 'node:path';
import { isAlive, stopProcessGroup } from '../processTree.ts';
import { stackVersions } from './artifacts.ts';
import { portAnswers } from './health.ts';
import { keycloakSettings } from './keycloak.ts';
import { monitoringSettings } from './monitoring.ts';
import { stackPaths } from './paths.ts';
import {
  type PidFile,
  readPidFile,
  withoutRecord,
  writePidFile,
} from './pidFile.ts';
import { postgresPid, runPostgresScript } from './postgres.ts';
import { type LakehouseSettings, localStackSettings } from './settings.ts';
import { isOurProcess } from './process.ts';
import {
  MANAGED_SERVICES,
  type ManagedService,
  markerOf,
  OPT_IN_SERVICES,
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
export class Stack {
  readonly ctx: StackContext;
  readonly pidPath: string;
  pids: PidFile = { services: {} };
  #saving = Promise.resolve();

  /** The stack of the checkout's app-config (its `${VAR}`s from run.env). */
  static async create(run: StackRun): Promise<Stack> {
    return new Stack(run, await localStackSettings(run.env ?? process.env));
  }

  private constructor(readonly run: StackRun, settings: LakehouseSettings) {
    const env = run.env ?? process.env;
    const paths = stackPaths(run.root, env);
    this.ctx = {
      paths,
      env,
      settings: {
        ...settings,
        keycloak: keycloakSettings(env),
        monitoring: monitoringSettings(env, settings.backendOrigin),
      },
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

  /** Drops a service's record, once what `up` started is stopped again. */
  async forget(name: ServiceName) {
    this.pids = withoutRecord(this.pids, name);
    await this.save();
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
      : this.serviceStatus(MANAGED_SERVICES.find(s => s.name === name)!);
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

  async serviceStatus(service: ManagedService): Promise<ServiceStatus> {
    const { settings } = this.ctx;
    const record = this.pids.services[service.name];
    const ours =
      record !== undefined &&
      (await isOurProcess(record.pid, markerOf(service, this.ctx.paths)));
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

  /**
   * The named services, or with none named every service but an opt-in one
   * that was never started (a plain `status` is not failed by it).
   */
  async allStatuses(): Promise<ServiceStatus[]> {
    const listed = (name: ServiceName) =>
      this.run.services.length > 0 ||
      !OPT_IN_SERVICES.includes(name) ||
      name in this.pids.services;
    return Promise.all(
      SERVICES.filter(name => this.wants(name) && listed(name)).map(name =>
        this.status(name),
      ),
    );
  }
}

/** How long a service gets between SIGTERM and SIGKILL. */
export const stopGraceMs = (service: ManagedService) =>
  service.name === 'trino' ? 30_000 : 15_000;

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
  const stack = await Stack.create(run);
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
 * `scout stack down`: stops what `up` started, by recorded PID (SIGTERM,
 * then SIGKILL of the process group), in reverse start order; PostgreSQL through
 * pg_stop, and only when `up` started it.
 */
export async function stackDown(run: StackRun): Promise<number> {
  const stack = await Stack.create(run);
  const { ctx } = stack;
  await stack.load();
  for (const service of [...MANAGED_SERVICES].reverse()) {
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
    if (await isOurProcess(record.pid, markerOf(service, ctx.paths))) {
      const how = await stopProcessGroup(record.pid, stopGraceMs(service));
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
