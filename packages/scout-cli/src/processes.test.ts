import { join, resolve } from 'node:path';
import { ChildCommand, survivors } from './testing/childCommand.ts';

const packageDir = resolve(__dirname, '..');

/** The stand-in CLI (real entry and registry, sleeping processes). */
function fixture(...args: string[]) {
  return new ChildCommand(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      join(packageDir, 'src/testing/lifecycleFixture.ts'),
      'start',
      ...args,
    ],
    { cwd: packageDir },
  );
}

/** Everything below the command once it is ready: its group and unregistered children. */
async function started(command: ChildCommand) {
  const [, list] = await command.waitFor(/\[fixture\] ready: (.*)/, 30_000);
  const groups = command.startedGroups();
  const pids = list.split(' ').map(Number);
  expect(pids.length).toBeGreaterThanOrEqual(2);
  return { groups, pids };
}

describe('what a command starts is stopped', () => {
  jest.setTimeout(60_000);

  it.each([
    ['SIGTERM', 143, (c: ChildCommand) => c.kill('SIGTERM')],
    [
      'SIGINT to its process group (Ctrl-C)',
      130,
      (c: ChildCommand) => c.killGroup('SIGINT'),
    ],
  ])('on %s, then it exits %d', async (_, code, send) => {
    const command = fixture('--group', '--child', '--then', 'wait');
    const before = await started(command);
    expect(before.groups).toHaveLength(1);
    send(command);
    expect(await command.finish(30_000)).toEqual({ code, signal: null });
    expect(await survivors(before)).toEqual([]);
  });

  it('when the command returns, and when it fails', async () => {
    const ok = fixture('--group', '--child', '--then', 'return');
    const okBefore = await started(ok);
    expect((await ok.finish(30_000)).code).toBe(0);
    expect(await survivors(okBefore)).toEqual([]);

    const failing = fixture('--group', '--child', '--then', 'throw');
    const failingBefore = await started(failing);
    expect((await failing.finish(30_000)).code).toBe(1);
    expect(failing.stderr).toContain('failed on purpose');
    expect(await survivors(failingBefore)).toEqual([]);
  });

  it('except what the command keeps, as stack up keeps its services', async () => {
    const command = fixture('--group', '--keep', '--then', 'return');
    const { groups } = await started(command);
    expect((await command.finish(30_000)).code).toBe(0);
    try {
      expect(await survivors({ groups }, 0)).not.toEqual([]);
    } finally {
      for (const group of groups) process.kill(-group, 'SIGKILL');
    }
  });

  it('a second signal kills at once what ignores the first', async () => {
    const command = fixture('--group', '--stubborn', '--then', 'wait');
    const before = await started(command);
    command.kill('SIGTERM');
    await command.waitFor(/SIGTERM: stopping sleepers/, 10_000);
    await new Promise(r => setTimeout(r, 500));
    command.kill('SIGTERM');
    expect(await command.finish(10_000)).toEqual({ code: 143, signal: null });
    expect(command.stderr).toContain('SIGTERM again: killing what is left');
    expect(await survivors(before, 5_000)).toEqual([]);
  });
});
