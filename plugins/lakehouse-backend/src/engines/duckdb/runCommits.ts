import { DuckdbTarget } from '@internal/backstage-plugin-scout-node';
import type { Commit } from '../../schema/openapi/generated/models';
import type { CommitsRequest } from '../types';
import { runStartedAt } from './layout';

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The published pipeline runs (the pipeline's commit log in `dir`) that
 * wrote the table, newest first. A failed run's folder committed nothing:
 * its log is main's up to when the run began. The table and reference must
 * have been checked to exist.
 */
export async function runCommits(
  dir: string,
  request: CommitsRequest,
): Promise<Commit[]> {
  const ref = request.ref ?? 'main';
  const began = ref === 'main' ? Infinity : await runStartedAt(dir, ref);
  const name = `${request.namespace}.${request.table}`;
  return (await DuckdbTarget.readCommits(dir))
    .filter(c => name in c.tables && Date.parse(c.committedAt) <= began)
    .reverse()
    .slice(0, request.limit)
    .map(c => ({
      hash: c.runId,
      message: `Pipeline run ${c.runId} published ${plural(
        Object.keys(c.tables).length,
        'table',
      )}; ${name} has ${plural(c.tables[name], 'row')}`,
      author: 'scout pipeline',
      committedAt: new Date(c.committedAt),
    }));
}

/** The last published run: the head of main. */
export async function headRun(dir: string): Promise<string | null> {
  return (await DuckdbTarget.readCommits(dir)).at(-1)?.runId ?? null;
}
