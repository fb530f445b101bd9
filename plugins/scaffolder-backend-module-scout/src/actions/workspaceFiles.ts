import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A file the template wrote, by its path inside the workspace. */
export type WorkspaceFile = { path: string; text: string };

/**
 * The files at `path` inside the task workspace whose names end in one of
 * `extensions`: the file itself, or every such file under the directory,
 * in path order. `path` may not leave the workspace (InputError), and a
 * path that does not exist is an InputError that names it.
 */
export async function readWorkspaceFiles(
  workspacePath: string,
  path: string,
  extensions: string[],
): Promise<WorkspaceFile[]> {
  const root = resolveSafeChildPath(workspacePath, path);
  const info = await stat(root).catch(() => undefined);
  if (!info) {
    throw new InputError(`${path} does not exist in the workspace`);
  }
  const matches = (name: string) => extensions.some(e => name.endsWith(e));
  const found: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && matches(entry.name)) found.push(full);
    }
  };
  if (info.isDirectory()) await walk(root);
  else found.push(root);
  return Promise.all(
    found.sort().map(async full => ({
      path: relative(workspacePath, full),
      text: await readFile(full, 'utf8'),
    })),
  );
}
