import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** One line of /proc/<pid>/stat, the fields we need. */
type ProcStat = { pid: number; ppid: number; pgrp: number; zombie: boolean };

function readStat(pid: number | string): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // ended while we looked, or no /proc
  }
  // pid (comm) state ppid pgrp ...: comm may hold spaces, so split after ')'.
  const [state, ppid, pgrp] = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return {
    pid: Number(pid),
    ppid: Number(ppid),
    pgrp: Number(pgrp),
    zombie: state === 'Z',
  };
}

function allProcesses(): ProcStat[] {
  let names: string[];
  try {
    names = readdirSync('/proc').filter(d => /^\d+$/.test(d));
  } catch {
    return [];
  }
  return names.flatMap(pid => readStat(pid) ?? []);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Alive and not a zombie (one that has exited and waits to be reaped). */
export function isRunning(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== undefined && !stat.zombie;
}

/**
 * The members of process group `pgid` (and `pgid` itself) that have not
 * exited. A zombie has exited and only waits to be reaped: it counts as gone.
 */
export function liveGroupMembers(pgid: number): number[] {
  return allProcesses()
    .filter(p => (p.pgrp === pgid || p.pid === pgid) && !p.zombie)
    .map(p => p.pid);
}

/** The live descendants of `pid`, parents before children. */
export function descendants(pid: number): ProcStat[] {
  const all = allProcesses();
  const found: ProcStat[] = [];
  const parents = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        if (!p.zombie) found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/** The process group of `pid` (ours by default). */
export function processGroupOf(pid = process.pid): number | undefined {
  return readStat(pid)?.pgrp;
}

/** Sends a signal to a process group; false when the group is gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/**
 * SIGTERM to the process group, wait up to `graceMs` until no member is
 * left, then SIGKILL the group. Resolves to how it ended.
 */
export async function stopProcessGroup(
  pgid: number,
  graceMs: number,
): Promise<'stopped' | 'killed' | 'gone'> {
  if (!signalGroup(pgid, 'SIGTERM')) return 'gone';
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (liveGroupMembers(pgid).length === 0) return 'stopped';
    await sleep(100);
  }
  signalGroup(pgid, 'SIGKILL');
  for (let i = 0; i < 50 && liveGroupMembers(pgid).length > 0; i++) {
    await sleep(100);
  }
  return 'killed';
}
