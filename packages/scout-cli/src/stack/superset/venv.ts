import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { runLong } from '../longRun.ts';
import { machineCache } from '../paths.ts';

const run = promisify(execFile);

/** This folder: requirements.txt and bootstrap.py. */
export const supersetSourceDir = (root: string) =>
  join(root, 'packages', 'scout-cli', 'src', 'stack', 'superset');

/**
 * Superset's own venv, in the machine cache (superset/) beside the other
 * tools the stack builds, for every clone on the machine.
 */
export const supersetVenv = (env: NodeJS.ProcessEnv = process.env) =>
  join(machineCache(env), 'superset');

/** The venv's programs. */
export const venvBin = (venv: string, name: string) => join(venv, 'bin', name);

/** Written after a successful install: the hash of requirements.txt. */
const STAMP = '.scout-requirements-stamp';

/** The hash that says which requirements a venv holds. */
export const requirementsHash = (text: string) =>
  createHash('sha1').update(text).digest('hex');

/**
 * The Python that makes the venv: SCOUT_PYTHON, else python3; Superset 6.1
 * needs 3.10 or newer. Throws saying what is missing.
 */
async function checkPython(python: string): Promise<string> {
  let version: string;
  try {
    const { stdout } = await run(python, [
      '-c',
      'import sys; print("%d.%d" % sys.version_info[:2])',
    ]);
    version = stdout.trim();
  } catch {
    throw new Error(
      `superset: ${python} is not runnable; Superset needs Python 3.10 or newer (set SCOUT_PYTHON)`,
    );
  }
  const [major, minor] = version.split('.').map(Number);
  if (major < 3 || (major === 3 && minor < 10)) {
    throw new Error(
      `superset: ${python} is Python ${version}; Superset 6.1 needs 3.10 or newer (set SCOUT_PYTHON)`,
    );
  }
  return version;
}

/**
 * Superset's venv, made once in the machine cache from requirements.txt
 * (2 to 3 minutes and 900 MB on 2 cores: pip installs 167 packages) and
 * reused while that file is unchanged: a stamp holds its hash, written only
 * after pip succeeded, so a broken install is retried. Returns the venv.
 */
export async function ensureSupersetVenv(
  root: string,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<string> {
  const requirements = join(supersetSourceDir(root), 'requirements.txt');
  const hash = requirementsHash(await readFile(requirements, 'utf8'));
  const venv = supersetVenv(env);
  const stamp = join(venv, STAMP);
  const python = venvBin(venv, 'python');
  // A venv whose interpreter is gone, or that a stopped `python -m venv`
  // left without pip, is made afresh.
  const works = async () => {
    try {
      await run(python, ['-c', '']);
      return existsSync(venvBin(venv, 'pip'));
    } catch {
      return false;
    }
  };
  if (
    existsSync(stamp) &&
    (await readFile(stamp, 'utf8')).trim() === hash &&
    (await works())
  ) {
    return venv;
  }
  if (!(await works())) {
    const base = env.SCOUT_PYTHON || 'python3';
    const version = await checkPython(base);
    await rm(venv, { recursive: true, force: true });
    log(`superset: creating its Python ${version} venv in ${venv}`);
    try {
      await run(base, ['-m', 'venv', venv]);
    } catch (error) {
      await rm(venv, { recursive: true, force: true });
      throw new Error(
        `superset: ${base} -m venv failed (on Debian: apt-get install python3-venv): ${
          (error as { stderr?: string }).stderr?.trim() ?? String(error)
        }`,
      );
    }
  }
  log(
    `superset: installing ${relative(
      root,
      requirements,
    )} into ${venv} (once: about 2 to 3 min, 900 MB)`,
  );
  const started = Date.now();
  const {
    code,
    output,
    count: collected,
  } = await runLong(
    venvBin(venv, 'pip'),
    [
      'install',
      '--disable-pip-version-check',
      '--progress-bar',
      'off',
      '-r',
      requirements,
    ],
    {
      env: env as NodeJS.ProcessEnv,
      counts: line => line.startsWith('Collecting '),
      progress: (seconds, count) =>
        `installing superset: ${seconds} s, ${count} packages collected so far`,
      log,
    },
  );
  if (code !== 0) {
    const tail = output.trimEnd().split('\n').slice(-15).join('\n');
    throw new Error(
      `superset: pip install -r ${relative(
        root,
        requirements,
      )} failed (exit code ${code}); is PyPI reachable?\n${tail}`,
    );
  }
  await writeFile(stamp, `${hash}\n`);
  log(
    `superset: venv ready in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s (${collected} packages)`,
  );
  return venv;
}
