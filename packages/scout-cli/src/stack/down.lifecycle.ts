// Run by scripts/test.sh after every other tier, under Node's test runner
// (not jest: it stops the stack the other tests use).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { repoRoot } from '../bench/backend.ts';
import { readPidFile } from './pidFile.ts';
import { stackPaths } from './paths.ts';

/** The working folder of `pid`, or '' when it is gone or not ours to read. */
function cwdOf(pid: string): string {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return '';
  }
}

/**
 * Processes whose command line names this checkout's .scout folder, or
 * that run inside it: Gitea starts its git commands in process groups of
 * their own, in its repositories under .scout/stack/gitea.
 */
function processesOfThisCheckout(): string[] {
  const mark = join(repoRoot, '.scout');
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    const cwd = cwdOf(pid);
    if (cmdline.includes(mark) || cwd === mark || cwd.startsWith(`${mark}/`)) {
      found.push(`${pid}: ${cmdline.replaceAll('\0', ' ').slice(0, 120)}`);
    }
  }
  return found;
}

/**
 * The process `pgid` and the members of its process group that have not
 * exited. A zombie has exited (it only waits to be reaped): it counts as gone.
 */
function liveMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const pid of readdirSync('/proc').filter(d => /^\d+$/.test(d))) {
    let stat = '';
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces, so split after ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const member = Number(pgrp) === pgid || Number(pid) === pgid;
    if (member && state !== 'Z') members.push(Number(pid));
  }
  return members;
}

/** Polls `check` until it holds or `ms` pass: exits finish a moment after `down` returns. */
async function eventually(check: () => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) {
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

test('stack down leaves no process of ours running', async () => {
  const pidFile = join(stackPaths(repoRoot).state, 'pids.json');
  const started = Object.entries((await readPidFile(pidFile)).services);
  assert.ok(
    started.length >= 3,
    `expected a running stack, pids.json lists ${started.length} services`,
  );
  // The native services too: Gitea and its git commands.
  assert.ok(
    started.some(([service]) => service === 'gitea'),
    'expected gitea among the services pids.json lists',
  );
  assert.ok(processesOfThisCheckout().length > 0);

  execFileSync(join(repoRoot, 'scripts/yarn'), ['scout', 'stack', 'down'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });

  const gone = () =>
    started.every(([, { pid }]) => liveMembers(pid).length === 0) &&
    processesOfThisCheckout().length === 0;
  await eventually(gone);
  for (const [service, { pid }] of started) {
    assert.deepEqual(
      liveMembers(pid),
      [],
      `${service} (pid ${pid}) still runs`,
    );
  }
  assert.deepEqual(processesOfThisCheckout(), []);
  // status exits 1 when services are down, which is the point here.
  const status = spawnSync(
    join(repoRoot, 'scripts/yarn'),
    ['scout', 'stack', 'status', '--json'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  const states: { state: string }[] = JSON.parse(status.stdout);
  assert.deepEqual(
    states.map(s => s.state),
    states.map(() => 'down'),
  );
});
