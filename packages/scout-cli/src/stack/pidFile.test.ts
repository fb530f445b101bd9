import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parsePidFile,
  readPidFile,
  withoutRecord,
  withRecord,
  writePidFile,
} from './pidFile.ts';

const record = { pid: 42, port: 9000, startedAt: '2026-11-27T10:00:00.000Z' };

describe('pid file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-pids-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is empty before the first up', async () => {
    expect(await readPidFile(join(dir, 'pids.json'))).toEqual({
      services: {},
    });
  });

  it('reads back what was written, through a folder it creates', async () => {
    const path = join(dir, 'stack', 'pids.json');
    const file = withRecord({ services: {} }, 's3', record);
    await writePidFile(path, file);
    expect(await readPidFile(path)).toEqual(file);
    expect(await readFile(path, 'utf8')).toContain('"pid": 42');
  });

  it('refuses a file that is not one, saying what to do', async () => {
    const path = join(dir, 'pids.json');
    await writeFile(path, '{"services": {"s3": {"pid": "x"}}}');
    await expect(readPidFile(path)).rejects.toThrow(
      /not a pid file .*delete it if no stack is running/,
    );
    expect(() => parsePidFile('not json')).toThrow(/is not JSON/);
  });

  it('adds and removes records without touching the others', () => {
    const both = withRecord(
      withRecord({ services: {} }, 's3', record),
      'postgres',
      { ...record, pid: 7, external: true },
    );
    expect(Object.keys(both.services)).toEqual(['s3', 'postgres']);
    const one = withoutRecord(both, 's3');
    expect(one).toEqual({
      services: { postgres: { ...record, pid: 7, external: true } },
    });
    expect(both.services.s3).toEqual(record);
  });
});
