import {
  formatCount,
  formatTime,
} from '@internal/backstage-plugin-scout-react';
import type {
  DatasetNode,
  Freshness,
  LineageNode,
} from './graph-transformations';

/** A small status mark on a graph node, e.g. "fresh 2 h" or "tests 12/12". */
export type NodeBadge = {
  id: string;
  label: string;
  status: 'ok' | 'warning' | 'error' | 'neutral';
  /** The longer explanation, shown on hover. */
  description?: string;
};

/** A duration, coarsely: "<1 min", "12 min", "3 h", "2 d". */
export function formatAge(seconds: number): string {
  if (seconds < 60) return '<1 min';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

/** A row count, short: 950, 12.3k, 4.5M, 1.2B. */
export function formatShortCount(n: number): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, unit] of units) {
    // 999,950 rounds to 1000.0k: that is 1M.
    if (Math.abs(n) >= size * 0.99995) {
      return `${Number((n / size).toFixed(1))}${unit}`;
    }
  }
  return String(n);
}

const FRESHNESS_STATUS: Record<Freshness['status'], NodeBadge['status']> = {
  pass: 'ok',
  warn: 'warning',
  error: 'error',
  'runtime error': 'error',
};

/** Seconds from an ISO time to `now` (ms), at least 0; undefined if unreadable. */
export const secondsSince = (iso: string, now: number) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : Math.max(0, (now - t) / 1000);
};

/**
 * How fresh the data is: dbt source freshness when the dataset has it
 * (a source table), else when the last published run built it. A failed
 * last run is its own badge, shown whatever the freshness says.
 */
function freshnessBadges(node: DatasetNode, now: number): NodeBadge[] {
  const { freshness: f, lastRun: run, lastWrite: write } = node;
  const badges: NodeBadge[] = [];
  if (f) {
    const age =
      f.ageSeconds ??
      (f.maxLoadedAt ? secondsSince(f.maxLoadedAt, now) : undefined);
    const limits = [
      f.warnAfterSeconds !== null &&
        `warn after ${formatAge(f.warnAfterSeconds)}`,
      f.errorAfterSeconds !== null &&
        `error after ${formatAge(f.errorAfterSeconds)}`,
    ].filter(Boolean);
    badges.push({
      id: 'freshness',
      label:
        f.status === 'runtime error'
          ? 'freshness check failed'
          : `${f.status === 'pass' ? 'fresh' : 'stale'}${
              age === undefined ? '' : ` ${formatAge(age)}`
            }`,
      status: FRESHNESS_STATUS[f.status],
      description: [
        `dbt source freshness: ${f.status}`,
        f.maxLoadedAt ? `newest row loaded ${f.maxLoadedAt}` : 'no rows loaded',
        ...limits,
        f.snapshottedAt && `checked ${f.snapshottedAt}`,
        f.message,
      ]
        .filter(Boolean)
        .join('\n'),
    });
  } else if (run?.status === 'published') {
    const age = secondsSince(run.finishedAt, now);
    badges.push({
      id: 'built',
      label: age === undefined ? 'built' : `built ${formatAge(age)} ago`,
      status: 'neutral',
      description: `Built by pipeline run ${run.runId} (${
        run.engine
      }), finished ${formatTime(run.finishedAt)}.`,
    });
  } else if (
    !run &&
    write?.state === 'COMPLETE' &&
    node.lifecycleState !== 'TRUNCATE'
  ) {
    // No Scout run builds it: what its producers said (a truncation is
    // not a build: it has its own badge).
    const age = secondsSince(write.eventTime, now);
    badges.push({
      id: 'built',
      label: age === undefined ? 'built' : `built ${formatAge(age)} ago`,
      status: 'neutral',
      description: `Written by ${write.job.name} (run ${
        write.runId
      }) at ${formatTime(write.eventTime)}.`,
    });
  }
  if (run?.status === 'failed') {
    badges.push({
      id: 'run-failed',
      label: 'last run failed',
      status: 'error',
      description: `Pipeline run ${run.runId} (${
        run.engine
      }) failed at ${formatTime(
        run.finishedAt,
      )}; the data is from an earlier run.`,
    });
  }
  const counted = run?.rows ?? (run ? null : write?.rows ?? null);
  if (counted !== null) {
    const by = run ? `run ${run.runId}` : `${write!.job.name}'s run`;
    badges.push({
      id: 'rows',
      label: `${formatShortCount(counted)} rows`,
      status: 'neutral',
      description: `${formatCount(counted)} rows after ${by}.`,
    });
  }
  return badges;
}

function testStatus(failed: number, warned: number): NodeBadge['status'] {
  if (failed) return 'error';
  return warned ? 'warning' : 'ok';
}

/**
 * A node's badges, from what the lineage store recorded: dropped or
 * renamed away (then nothing else), truncated, freshness or when it was
 * built, a failed last run, its row count, its tests (passed of run,
 * failures first in the description) and whether a dataset upstream has
 * failing tests. Jobs, and datasets an old server sends without these,
 * get none of them; nothing is made up. `now` is for the ages.
 */
export function nodeBadges(
  node: LineageNode,
  now: number = Date.now(),
): NodeBadge[] {
  if (node.kind !== 'dataset') return [];
  if (node.lifecycleState === 'DROP') {
    // Whatever it was, it is gone: its old facts would mislead.
    return [
      {
        id: 'dropped',
        label: 'dropped',
        status: 'error',
        description:
          'The newest event that wrote it dropped it (OpenLineage lifecycleStateChange DROP).',
      },
    ];
  }
  if (node.renamedTo) {
    // Gone under this name, as a dropped one: its data lives on elsewhere.
    const { name, eventTime } = node.renamedTo;
    return [
      {
        id: 'renamed',
        label: 'renamed',
        status: 'warning',
        description: `Renamed to ${name}${
          eventTime ? ` at ${formatTime(eventTime)}` : ''
        } (OpenLineage lifecycleStateChange RENAME).`,
      },
    ];
  }
  const badges = freshnessBadges(node, now);
  if (node.lifecycleState === 'TRUNCATE') {
    const write = node.lastWrite;
    badges.unshift({
      id: 'truncated',
      label: 'truncated',
      status: 'warning',
      description: write
        ? `Truncated by ${write.job.name} (run ${write.runId}) at ${formatTime(
            write.eventTime,
          )}: its rows were deleted.`
        : 'The newest event that wrote it truncated it (OpenLineage lifecycleStateChange TRUNCATE).',
    });
  }
  const q = node.quality;
  if (q) {
    const total = q.passed + q.warned + q.failed;
    const failing = q.assertions.filter(a => !a.success);
    const warning = q.assertions.filter(a => a.success && a.status === 'warn');
    badges.push({
      id: 'tests',
      label: `tests ${q.passed + q.warned}/${total}`,
      status: testStatus(q.failed, q.warned),
      description: [
        ...failing.map(
          a => `failed: ${a.assertion}${a.message ? ` (${a.message})` : ''}`,
        ),
        ...warning.map(a => `warned: ${a.assertion}`),
        `${q.passed} passed`,
      ].join('\n'),
    });
  }
  if (node.upstreamFailed) {
    badges.push({
      id: 'upstream-failed',
      label: 'upstream failed',
      status: 'error',
      description: 'A table it is built from has failing tests.',
    });
  }
  return badges;
}
