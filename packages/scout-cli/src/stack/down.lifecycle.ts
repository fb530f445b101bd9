// Run by scripts/test.sh after every other tier, under Node's test runner
// (not jest: it stops the stack the other tests use).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { repoRoot } from '../bench/backend.ts';
import { readPidFile } from './pidFile.ts';
import { stackPaths } from './paths.ts';

/** Processes whose command line names this checkout's .scout folder. */
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
    if (cmdline.includes(mark)) {
      found.push(`${pid}: ${cmdline.replaceAll('\0', ' ').slice(0, 120)}`);
    }
  }
  return found;
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('stack down leaves no process of ours running', async () => {
  const pidFile = join(stackPaths(repoRoot).state, 'pids.json');
  const started = Object.entries((await readPidFile(pidFile)).services);
  assert.ok(
    started.length >= 3,
    `expected a running stack, pids.json lists ${started.length} services`,
  );
  assert.ok(processesOfThisCheckout().length > 0);

  execFileSync(join(repoRoot, 'scripts/yarn'), ['scout', 'stack', 'down'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });

  for (const [service, { pid }] of started) {
    assert.equal(groupAlive(pid), false, `${service} (pid ${pid}) still runs`);
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
