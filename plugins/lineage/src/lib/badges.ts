import type { LineageNode } from './graph-transformations';

/** A small status mark on a graph node, e.g. "fresh 2h" or "tests 12/12". */
export type NodeBadge = {
  id: string;
  label: string;
  status: 'ok' | 'warning' | 'error' | 'neutral';
  /** The longer explanation, shown on hover. */
  description?: string;
};

/**
 * A node's quality badges, from what the lineage store recorded: its dbt
 * tests (passed of run, failures first in the description) and whether
 * a dataset upstream has failing tests. Jobs and datasets without
 * assertions get none; nothing is made up.
 */
export function nodeBadges(node: LineageNode): NodeBadge[] {
  if (node.kind !== 'dataset') return [];
  const badges: NodeBadge[] = [];
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

function testStatus(failed: number, warned: number): NodeBadge['status'] {
  if (failed) return 'error';
  return warned ? 'warning' : 'ok';
}
