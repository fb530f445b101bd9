import { setTimeout as sleep } from 'node:timers/promises';
import {
  descendants,
  isAlive,
  processGroupOf,
  signalGroup,
  stopProcessGroup,
} from './processTree.ts';

/**
 * What a command started and must stop again: a process group it spawned
 * (a bench backend, a stack JVM) or anything else with a stop (a PostgreSQL
 * it started). The CLI stops whatever is still registered when the command
 * ends, on success and on failure (`main` in cli.ts), and on SIGINT/SIGTERM,
 * after which it exits 130/143.
 */
export type Cleanup = {
  readonly name: string;
  /** Stops it now (once; later calls share the first) and forgets it. */
  stop(): Promise<void>;
  /** Forgets it without stopping: it is meant to outlive the command (stack up). */
  keep(): void;
};

const registered: Entry[] = [];
let stoppingAll: Promise<void> | undefined;
const note = (line: string) => process.stderr.write(`[scout] ${line}\n`);

class Entry implements Cleanup {
  #stopping?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly run: () => Promise<unknown> | unknown,
    /** A process group to SIGKILL on a second signal. */
    readonly group?: number,
  ) {}

  stop(): Promise<void> {
    // Stays registered until done, so a signal meanwhile waits for it.
    this.#stopping ??= (async () => {
      try {
        await this.run();
      } catch (error) {
        note(`could not stop ${this.name}: ${(error as Error).message}`);
      } finally {
        this.#forget();
      }
    })();
    return this.#stopping;
  }

  keep(): void {
    // Too late once a stop has begun (a signal came first).
    if (!this.#stopping) this.#forget();
  }

  #forget() {
    const index = registered.indexOf(this);
    if (index >= 0) registered.splice(index, 1);
  }
}

/** Registers `stop` to run when the command ends, unless stopped or kept before. */
export function onCleanup(
  name: string,
  stop: () => Promise<unknown> | unknown,
  group?: number,
): Cleanup {
  const entry = new Entry(name, stop, group);
  registered.push(entry);
  handleSignals();
  return entry;
}

/**
 * Registers a process group (a child spawned with `detached: true` leads
 * its own): stopping sends SIGTERM, then SIGKILL after `graceMs`, and runs
 * `after` (e.g. forgetting a pid file record).
 */
export function trackProcessGroup(
  name: string,
  pgid: number,
  options: { graceMs?: number; after?: () => Promise<unknown> } = {},
): Cleanup {
  note(`started ${name} (pid ${pgid})`);
  return onCleanup(
    name,
    async () => {
      const how = await stopProcessGroup(pgid, options.graceMs ?? 10_000);
      if (how !== 'gone') note(`${name} (pid ${pgid}): ${how}`);
      await options.after?.();
    },
    pgid,
  );
}

/**
 * Stops everything registered, newest first (a stop waits for a start under
 * way), then any child process left in our own process group (dbt under
 * `pipeline run`, a psql): libraries start those without registering them.
 */
export function stopStarted(): Promise<void> {
  // One at a time: the command's own end may meet a signal's.
  stoppingAll ??= (async () => {
    // Until none is left: the command runs on meanwhile and may start more.
    while (registered.length > 0)
      await registered[registered.length - 1].stop();
    await stopOwnChildren(5_000);
  })().finally(() => (stoppingAll = undefined));
  return stoppingAll;
}

/** Our descendants in our process group; detached ones are registered or kept. */
function ownChildren(): number[] {
  const group = processGroupOf();
  return descendants(process.pid)
    .filter(p => p.pgrp === group)
    .map(p => p.pid);
}

async function stopOwnChildren(graceMs: number) {
  const deadline = Date.now() + graceMs;
  const termed = new Set<number>();
  // Looked up again each round, since a child may start another as it goes;
  // bounded, since a process stuck in the kernel ignores even SIGKILL.
  for (let round = 0; round < graceMs / 100 + 50; round++) {
    const pids = ownChildren().filter(isAlive);
    if (pids.length === 0) return;
    for (const pid of pids) {
      if (Date.now() >= deadline) kill(pid, 'SIGKILL');
      else if (!termed.has(pid)) kill(pid, 'SIGTERM');
      termed.add(pid);
    }
    await sleep(100);
  }
}

function kill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

let handling = false;
let stopping = false;

/**
 * SIGINT and SIGTERM stop what was started, then exit 130 or 143. A second
 * signal while that runs kills what is left at once. Installed by the CLI
 * and by the first registration. Under jest the handlers never fire (a
 * test's `process` is a copy), hence bench/exitWithStarter.cjs.
 */
export function handleSignals(): void {
  if (handling) return;
  handling = true;
  const on = (signal: NodeJS.Signals, code: number) =>
    process.on(signal, () => {
      if (stopping) {
        note(`${signal} again: killing what is left`);
        for (const { group } of registered) {
          if (group) signalGroup(group, 'SIGKILL');
        }
        for (const pid of ownChildren()) kill(pid, 'SIGKILL');
        process.exit(code);
      }
      stopping = true;
      if (registered.length > 0) {
        note(`${signal}: stopping ${registered.map(e => e.name).join(', ')}`);
      }
      stopStarted().finally(() => process.exit(code));
    });
  on('SIGINT', 130);
  on('SIGTERM', 143);
}
