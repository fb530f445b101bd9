import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lineageApiRef } from '../api';
import {
  aroundNode,
  emptyGraph,
  expandKey,
  mergeGraphs,
  sliceDirection,
  toLineageGraph,
  type Direction,
  type LineageGraph,
} from '../lib/graph-transformations';

/** Jobs away from the centre at first, and per expand. */
export const STEP_DEPTH = 1;

/**
 * The graph around `rootId`, loaded one step deep, and grown node by node:
 * `expand` fetches a node one step deep and merges the side asked for.
 */
export function useLineageGraph(rootId: string) {
  const api = useApi(lineageApiRef);
  const initial = useAsyncRetry(
    async () =>
      aroundNode(
        toLineageGraph(await api.getLineage(rootId, STEP_DEPTH)),
        rootId,
      ),
    [api, rootId],
  );
  // What expands added, for the root it was added to.
  const [added, setAdded] = useState({ rootId, graph: emptyGraph });
  const [expanding, setExpanding] = useState<ReadonlySet<string>>(new Set());
  // Sides fetched so far; the root's come with the first answer.
  const [expanded, setExpanded] = useState({
    rootId,
    keys: new Set<string>() as ReadonlySet<string>,
  });
  const [expandError, setExpandError] = useState<Error>();

  const expand = useCallback(
    async (nodeId: string, direction: Direction) => {
      const key = expandKey(nodeId, direction);
      setExpanding(s => new Set(s).add(key));
      setExpandError(undefined);
      try {
        const answer = toLineageGraph(await api.getLineage(nodeId, STEP_DEPTH));
        const more = sliceDirection(answer, nodeId, direction);
        setExpanded(prev => ({
          rootId,
          keys: new Set(prev.rootId === rootId ? prev.keys : []).add(key),
        }));
        setAdded(prev => ({
          rootId,
          graph: mergeGraphs(
            prev.rootId === rootId ? prev.graph : emptyGraph,
            more,
          ),
        }));
      } catch (e) {
        setExpandError(e as Error);
      } finally {
        setExpanding(s => {
          const next = new Set(s);
          next.delete(key);
          return next;
        });
      }
    },
    [api, rootId],
  );

  const graph: LineageGraph | undefined = useMemo(() => {
    if (!initial.value) return undefined;
    return added.rootId === rootId
      ? mergeGraphs(initial.value, added.graph)
      : initial.value;
  }, [initial.value, added, rootId]);

  const expandedKeys = useMemo(
    () =>
      new Set([
        expandKey(rootId, 'upstream'),
        expandKey(rootId, 'downstream'),
        ...(expanded.rootId === rootId ? expanded.keys : []),
      ]),
    [expanded, rootId],
  );

  return {
    graph,
    expanded: expandedKeys as ReadonlySet<string>,
    loading: initial.loading,
    error: initial.error,
    retry: initial.retry,
    expand,
    expanding,
    expandError,
  };
}
