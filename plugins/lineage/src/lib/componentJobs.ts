import type { Entity } from '@backstage/catalog-model';
import type { SearchResult } from '@internal/backstage-plugin-lineage-common';

/**
 * On a pipeline Component: its jobs' name prefix in the lineage store, for
 * a component whose jobs are not named after it (dbt names each model's
 * job `model.<project>.<model>`).
 */
export const LINEAGE_JOB_PREFIX_ANNOTATION = 'scout.io/lineage-job-prefix';

/** How the component's jobs are found: what to search, what to keep. */
export function componentJobQuery(entity: Entity): {
  q: string;
  matches: (jobName: string) => boolean;
  describe: string;
} {
  const prefix =
    entity.metadata.annotations?.[LINEAGE_JOB_PREFIX_ANNOTATION]?.trim();
  if (prefix) {
    return {
      q: prefix,
      matches: name => name.startsWith(prefix),
      describe: `named ${prefix}…`,
    };
  }
  const name = entity.metadata.name;
  return { q: name, matches: n => n === name, describe: `named ${name}` };
}

/**
 * The component's jobs among search results (newest first): those the
 * query matches, in the namespace of the newest, so that a project run on
 * two engines shows one engine's graph, the one that ran last.
 */
export function componentJobs(
  results: SearchResult[],
  matches: (jobName: string) => boolean,
): { namespace: string; nodeIds: string[] } | undefined {
  const jobs = results.filter(r => r.type === 'JOB' && matches(r.name));
  if (!jobs.length) return undefined;
  const namespace = jobs[0].namespace;
  return {
    namespace,
    nodeIds: jobs
      .filter(j => j.namespace === namespace)
      .map(j => j.nodeId)
      .sort(),
  };
}
