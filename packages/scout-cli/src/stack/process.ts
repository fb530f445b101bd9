import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** The JVM flag that marks a process as a stack service, checked before any signal. */
export const serviceMarker = (service: string) => `-Dscout.service=${service}`;

/** The process's argv from /proc, or undefined when it is gone. */
export async function commandLine(pid: number): Promise<string[] | undefined> {
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/**
 * True when `pid` is alive and is one of the stack's services: its command
 * line carries `marker` (serviceMarker, or a native service's config file
 * argument), so a recycled PID is never mistaken for ours.
 */
export async function isOurProcess(
  pid: number,
  marker: string,
): Promise<boolean> {
  const argv = await commandLine(pid);
  return argv !== undefined && argv.includes(marker);
}

/** A started service process: its PID (also its process group) and, while this CLI runs, its exit. */
export type Started = {
  pid: number;
  /** The exit code once it ended (null when killed by a signal), else undefined. */
  exitCode(): number | null | undefined;
};

/**
 * Starts a process in its own session so it outlives the CLI, with stdout
 * and stderr appended to `logFile`.
 */
export function spawnDetached(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): Started {
  const log = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    let ended: number | null | undefined;
    // Without a listener a failed spawn would crash the CLI.
    child.on('error', () => (ended ??= -1));
    child.on('exit', code => (ended = code));
    if (child.pid === undefined) {
      throw new Error(`could not start ${command}`);
    }
    child.unref();
    return { pid: child.pid, exitCode: () => ended };
  } finally {
    closeSync(log);
  }
}
