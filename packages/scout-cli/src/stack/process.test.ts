import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive, stopProcessGroup } from '../processTree.ts';
import { isOurProcess, serviceMarker, spawnDetached } from './process.ts';

describe('service processes', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-process-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('starts detached with a marker, logs to a file, and stops by group', async () => {
    const logFile = join(dir, 'svc.log');
    const started = spawnDetached(
      process.execPath,
      [
        '-e',
        'console.log("hello"); setInterval(() => {}, 1000)',
        '--',
        serviceMarker('svc'),
      ],
      { cwd: dir, logFile },
    );
    await new Promise(r => setTimeout(r, 300));
    expect(isAlive(started.pid)).toBe(true);
    expect(await isOurProcess(started.pid, serviceMarker('svc'))).toBe(true);
    expect(await isOurProcess(started.pid, serviceMarker('trino'))).toBe(false);
    expect(await isOurProcess(process.pid, serviceMarker('svc'))).toBe(false);

    expect(await stopProcessGroup(started.pid, 5000)).toBe('stopped');
    await new Promise(r => setTimeout(r, 100));
    expect(started.exitCode()).toBeDefined();
    expect(await readFile(logFile, 'utf8')).toBe('hello\n');
    expect(await stopProcessGroup(started.pid, 100)).toBe('gone');
  });
});
