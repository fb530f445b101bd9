import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import type { SlothSpec } from './slothSpec.ts';

const run = promisify(execFile);

/** The Sloth release whose output is committed; scripts/lib/gotools.sh builds it. */
export const SLOTH_VERSION = 'v0.16.0';

/**
 * The path of Sloth SLOTH_VERSION, as scripts/lib/gotools.sh (ensure_sloth,
 * the one home of the check, the build and where it lands) puts it on PATH:
 * a no-op when the right version is there, else `go install` (about 3
 * minutes on 2 cores, progress on stderr). Rejects when the build fails.
 */
export async function ensureSloth(root: string): Promise<string> {
  const script =
    'source scripts/lib/toolchain.sh && source scripts/lib/gotools.sh && ensure_sloth >&2 && command -v sloth';
  let path = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('bash', ['-c', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', process.stderr],
    });
    child.stdout.on('data', chunk => (path += chunk));
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !path.trim()) {
    throw new Error(`building Sloth ${SLOTH_VERSION} failed (exit ${code})`);
  }
  return path.trim();
}

async function inTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'scout-sloth-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function sloth(bin: string, args: string[]): Promise<void> {
  try {
    await run(bin, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`sloth ${args[0]} failed: ${stderr || String(error)}`);
  }
}

/**
 * Runs `sloth validate` over OpenSLO spec texts (file name → YAML): Sloth as
 * a second reader of the specs it can read itself. Rejects with Sloth's
 * message.
 */
export async function slothValidate(
  bin: string,
  specs: ReadonlyMap<string, string>,
): Promise<void> {
  await inTempDir(async dir => {
    for (const [name, text] of specs) await writeFile(join(dir, name), text);
    await sloth(bin, ['validate', '--input', dir]);
  });
}

/**
 * Runs `sloth generate` on each spec; resolves to the Prometheus rule file
 * text per service, exactly as Sloth wrote it. Rejects with Sloth's message.
 */
export async function slothGenerate(
  bin: string,
  specs: readonly SlothSpec[],
): Promise<Map<string, string>> {
  return inTempDir(async dir => {
    const rules = new Map<string, string>();
    for (const spec of specs) {
      const input = join(dir, `${spec.service}.sloth.yaml`);
      const output = join(dir, `${spec.service}.rules.yaml`);
      await writeFile(input, stringify(spec, { lineWidth: 0 }));
      await sloth(bin, ['generate', '--input', input, '--out', output]);
      rules.set(spec.service, await readFile(output, 'utf8'));
    }
    return rules;
  });
}
