// Run by scripts/test.sh under Node's test runner, with processes.lifecycle.ts:
// the scripts in scripts/bench stop what they started when they get SIGTERM.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { portAnswers } from '../stack/health.ts';
import {
  assertNothingLeft,
  ChildCommand,
  MINUTES,
} from '../testing/childCommand.ts';
import { repoRoot } from './backend.ts';

test(
  'scripts/bench/crash-test.sh: SIGTERM stops the test backend, exit 143',
  { timeout: 5 * MINUTES },
  async t => {
    // crash.test.ts's port; someone else's crash test may hold it.
    if (await portAnswers(7307)) return t.skip('port 7307 is in use');
    const command = new ChildCommand(
      join(repoRoot, 'scripts/bench/crash-test.sh'),
      [],
      { cwd: repoRoot },
    );
    const [, port] = await command.waitFor(
      /\[scout\] started backend on :(\d+)/,
      4 * MINUTES,
    );
    const seen = command.descendants();
    command.kill('SIGTERM');
    assert.deepEqual(await command.finish(MINUTES), {
      code: 143,
      signal: null,
    });
    await assertNothingLeft(command, seen, [Number(port)]);
    return undefined;
  },
);

test(
  'scripts/bench/cold-start.sh: SIGTERM stops the portal, exit 143',
  { timeout: 5 * MINUTES },
  async t => {
    // The portal's port is fixed (scripts/lib/portal.sh); never take it from a running portal.
    if (await portAnswers(7007)) return t.skip('port 7007 is in use');
    const command = new ChildCommand(
      join(repoRoot, 'scripts/bench/cold-start.sh'),
      ['1'],
      { cwd: repoRoot },
    );
    await command.waitForProcess(/src\/index\.ts/, 2 * MINUTES);
    const seen = command.descendants();
    command.kill('SIGTERM');
    assert.deepEqual(await command.finish(MINUTES), {
      code: 143,
      signal: null,
    });
    await assertNothingLeft(command, seen, [7007]);
    return undefined;
  },
);
