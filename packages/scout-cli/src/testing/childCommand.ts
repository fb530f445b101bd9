// Test helpers: run a real command as a child, signal it once it has started
// what it starts, and check afterwards that nothing it started is left.
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendants, isRunning, liveGroupMembers } from '../processTree.ts';
import { portAnswers } from '../stack/health.ts';

export const MINUTES = 60_000;

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A command run in its own process group, as a terminal runs a job. */
export class ChildCommand {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  readonly #child: ChildProcess;

  constructor(
    command: string,
    args: string[],
    options: { cwd: string; env?: Record<string, string | undefined> },
  ) {
    this.#child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child.stdout!.on('data', chunk => (this.stdout += chunk));
    this.#child.stderr!.on('data', chunk => (this.stderr += chunk));
    this.exited = new Promise((resolve, reject) => {
      this.#child.on('error', reject);
      this.#child.on('close', (code, signal) => resolve({ code, signal }));
    });
  }

  get pid(): number {
    return this.#child.pid!;
  }

  /** Resolves with the first match of `pattern` on stderr; rejects if the command ends first. */
  async waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    let ended = false;
    this.exited.then(() => (ended = true));
    for (;;) {
      const match = this.stderr.match(pattern);
      if (match) return match;
      if (ended || Date.now() > deadline) {
        throw new Error(
          `${
            ended ? 'ended' : 'timed out'
          } before ${pattern}; stderr:\n${this.stderr.slice(-3000)}`,
        );
      }
      await sleep(100);
    }
  }

  /** The process groups it reported starting ("[scout] started X (pid N)"). */
  startedGroups(): number[] {
    return [...this.stderr.matchAll(/\[scout\] started .* \(pid (\d+)\)/g)].map(
      m => Number(m[1]),
    );
  }

  /** Every live process below it now. */
  descendants(): number[] {
    return descendants(this.pid).map(p => p.pid);
  }

  /** Waits until a process below it runs a command line that matches `pattern`. */
  async waitForProcess(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.descendants().some(pid => pattern.test(commandLine(pid)))) {
      if (Date.now() > deadline) {
        throw new Error(
          `no process matching ${pattern}; stderr:\n${this.stderr.slice(
            -3000,
          )}`,
        );
      }
      await sleep(200);
    }
  }

  /** To the command alone, as `timeout` or `kill` sends it. */
  kill(signal: NodeJS.Signals) {
    process.kill(this.pid, signal);
  }

  /** To its whole process group, as Ctrl-C in a terminal sends SIGINT. */
  killGroup(signal: NodeJS.Signals) {
    process.kill(-this.pid, signal);
  }

  /** Waits for the exit, killing the whole job if it overstays. */
  async finish(timeoutMs: number): Promise<Exit> {
    const timer = setTimeout(() => {
      try {
        process.kill(-this.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return ''; // ended meanwhile
  }
}

/** The processes of `pids` (or members of groups `groups`) still alive, after waiting up to `ms` for them to end. */
export async function survivors(
  { pids = [], groups = [] }: { pids?: number[]; groups?: number[] },
  ms = 15_000,
): Promise<number[]> {
  const alive = () => {
    const live = new Set(groups.flatMap(g => liveGroupMembers(g)));
    for (const pid of pids) if (isRunning(pid)) live.add(pid);
    return [...live];
  };
  const deadline = Date.now() + ms;
  while (alive().length > 0 && Date.now() < deadline) await sleep(200);
  return alive();
}

/** Asserts that nothing `command` started is alive and that `ports` are free. */
export async function assertNothingLeft(
  command: ChildCommand,
  seen: number[],
  ports: number[],
) {
  const left = await survivors({ pids: seen, groups: command.startedGroups() });
  assert.deepEqual(left, [], `still running: ${left.join(', ')}`);
  for (const port of ports) {
    assert.equal(await portAnswers(port), false, `port ${port} is still taken`);
  }
}

export async function assertFree(...ports: number[]) {
  for (const port of ports) {
    assert.equal(await portAnswers(port), false, `port ${port} is in use`);
  }
}
