import { NotFoundError } from '@backstage/errors';
import { LAKEHOUSE_IDENTIFIER } from '@internal/backstage-plugin-lakehouse-common';
import { DuckdbTarget } from '@internal/backstage-plugin-scout-node';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** One Parquet file of a table. */
export type ParquetFile = {
  path: string;
  name: string;
  bytes: number;
  modified: Date;
  /** The inode: a failed run's staging folder hard-links unchanged bronze files. */
  inode: number;
};

/**
 * A table of the embedded lakehouse: `<layer>/<name>.parquet` (a dbt
 * model) or `<layer>/<name>/*.parquet` (bronze, one file per load).
 */
export type ParquetTable = {
  namespace: string;
  table: string;
  /** Relative to the reference's folder, e.g. gold/gold_payment_mix.parquet. */
  location: string;
  files: ParquetFile[];
};

const RUNS = '_runs';
const RUN_REF = /^run-([A-Za-z0-9][A-Za-z0-9_-]*)$/;

/**
 * The folders a reference reads, first match wins: main is the lakehouse
 * folder; `run-<id>` is the staging folder `_runs/<id>` that a failed
 * pipeline run left, over main (a run stages only what it rebuilt).
 */
export async function rootsOf(dir: string, ref: string): Promise<string[]> {
  if (ref === 'main') return [dir];
  const run = RUN_REF.exec(ref);
  const root = run && join(dir, RUNS, run[1]);
  if (!root || !(await isDirectory(root))) {
    throw new NotFoundError(
      `No reference ${ref}: the DuckDB lakehouse has main, and run-<id> for each failed run's folder`,
    );
  }
  return [root, dir];
}

/** The layers on a reference. */
export async function namespacesOn(roots: string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const root of roots) {
    for (const name of await namespacesIn(root)) names.add(name);
  }
  return [...names];
}

/** A layer's tables on a reference. */
export async function tablesOn(
  roots: string[],
  namespace: string,
): Promise<ParquetTable[]> {
  const tables = new Map<string, ParquetTable>();
  for (const root of roots) {
    for (const t of await tablesIn(root, namespace)) {
      if (!tables.has(t.table)) tables.set(t.table, t);
    }
  }
  return [...tables.values()].sort((a, b) => a.table.localeCompare(b.table));
}

/**
 * When the run of a `run-<id>` reference began: its folder's birth time
 * (its change time where the file system keeps no birth time), in ms.
 */
export async function runStartedAt(dir: string, ref: string): Promise<number> {
  const [root] = await rootsOf(dir, ref);
  // The run's own record, on the clock of the commit log; folder times are
  // coarser than that clock (and ctime moves), only a fallback.
  const recorded = await DuckdbTarget.readStartedAt(root);
  if (recorded !== undefined) return recorded;
  const info = await stat(root);
  return info.birthtimeMs || info.ctimeMs;
}

/** The run references: one per folder under _runs/. */
export async function runRefs(dir: string): Promise<string[]> {
  return (await entries(join(dir, RUNS)))
    .filter(e => e.isDirectory() && RUN_REF.test(`run-${e.name}`))
    .map(e => `run-${e.name}`)
    .sort();
}

/** The layer folders: lower-case identifiers, not _runs. */
async function namespacesIn(root: string): Promise<string[]> {
  return (await entries(root))
    .filter(
      e =>
        e.isDirectory() &&
        LAKEHOUSE_IDENTIFIER.test(e.name) &&
        !e.name.startsWith('_'),
    )
    .map(e => e.name);
}

async function tablesIn(
  root: string,
  namespace: string,
): Promise<ParquetTable[]> {
  const folder = join(root, namespace);
  const tables: ParquetTable[] = [];
  for (const entry of await entries(folder)) {
    const single = /^(.+)\.parquet$/.exec(entry.name);
    if (entry.isFile() && single && LAKEHOUSE_IDENTIFIER.test(single[1])) {
      const file = await parquetFile(folder, entry.name);
      tables.push({
        namespace,
        table: single[1],
        location: `${namespace}/${entry.name}`,
        files: [file],
      });
    } else if (entry.isDirectory() && LAKEHOUSE_IDENTIFIER.test(entry.name)) {
      const files = await parquetFiles(join(folder, entry.name));
      if (files.length) {
        tables.push({
          namespace,
          table: entry.name,
          location: `${namespace}/${entry.name}/`,
          files,
        });
      }
    }
  }
  return tables.sort((a, b) => a.table.localeCompare(b.table));
}

/** One table on a reference, or NotFoundError. */
export async function tableOn(
  roots: string[],
  namespace: string,
  name: string,
): Promise<ParquetTable> {
  const found = (await tablesOn(roots, namespace)).find(t => t.table === name);
  if (!found) {
    throw new NotFoundError(`No table ${namespace}.${name} in the lakehouse`);
  }
  return found;
}

async function parquetFiles(folder: string): Promise<ParquetFile[]> {
  const names = (await entries(folder))
    .filter(e => e.isFile() && e.name.endsWith('.parquet'))
    .map(e => e.name)
    .sort();
  return Promise.all(names.map(name => parquetFile(folder, name)));
}

async function parquetFile(folder: string, name: string): Promise<ParquetFile> {
  const path = join(folder, name);
  const info = await stat(path);
  return {
    path,
    name,
    bytes: info.size,
    modified: info.mtime,
    inode: info.ino,
  };
}

async function entries(folder: string): Promise<Dirent[]> {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    s => s.isDirectory(),
    () => false,
  );
}
