import { InputError } from '@backstage/errors';
import { cp, mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

/** A file the workspace adds to the platform's project, or changes in it. */
export type ProjectChange = {
  /** Relative to the project root, as dbt's original_file_path. */
  path: string;
  /** True when the platform's project has no file there. */
  added: boolean;
};

// dbt's output and installed packages: not the project, and can be large.
const SKIPPED = new Set(['target', 'logs', 'dbt_packages']);

// Files the check will not take from a workspace: they would change where
// dbt connects (profiles.yml), make it download (packages.yml,
// dependencies.yml) or run Python in the backend (Python models).
function refusal(path: string): string | undefined {
  const name = basename(path);
  if (name.endsWith('.py')) {
    return `${path}: Python models are not checked; the check builds SQL models only`;
  }
  if (['profiles.yml', 'packages.yml', 'dependencies.yml'].includes(name)) {
    return `${path}: the check runs with the platform's ${name}; a template may not bring its own`;
  }
  return undefined;
}

const isSkipped = (path: string) => SKIPPED.has(path.split(sep)[0]);

/**
 * Copies the platform's dbt project (without target/, logs/ and
 * dbt_packages/) into `into`, then the workspace's files at `from` over
 * it. Returns what the workspace adds or changes, in path order; files
 * equal to the platform's are not changes. A symbolic link, a Python model
 * or a profiles/packages file in the workspace is an InputError.
 */
export async function overlayProject(
  platform: string,
  from: string,
  into: string,
): Promise<ProjectChange[]> {
  await cp(platform, into, {
    recursive: true,
    filter: source => !isSkipped(relative(platform, source)),
  });
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const path = relative(from, join(entry.parentPath, entry.name));
    if (isSkipped(path) || entry.isDirectory()) continue;
    // A link could bring any file of the backend's host into dbt's reach.
    const problem = entry.isFile()
      ? refusal(path)
      : `${path}: not a regular file; the check copies regular files only`;
    if (problem) problems.push(problem);
    else files.push(path);
  }
  if (problems.length) {
    throw new InputError(
      `the workspace's dbt files cannot be checked:\n${problems
        .map(p => `  ${p}`)
        .join('\n')}`,
    );
  }
  const changes: ProjectChange[] = [];
  for (const path of files.sort()) {
    const text = await readFile(join(from, path));
    const before = await readFile(join(platform, path)).catch(() => undefined);
    if (before?.equals(text)) continue;
    await mkdir(dirname(join(into, path)), { recursive: true });
    await cp(join(from, path), join(into, path));
    changes.push({ path: path.split(sep).join('/'), added: !before });
  }
  return changes;
}
