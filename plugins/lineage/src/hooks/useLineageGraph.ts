import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useMemo, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { lineageApiRef } from '../api';
import {
  aroundNode,
  emptyGraph,
  expandKey,
  mergeGraphs,
  parseExpandKey,
  sliceDirection,
  toLineageGraph,
  type LineageGraph,
} from '../lib/graph-transformations';

/** Jobs away from the centre at first, and per expand. */
export const STEP_DEPTH = 1;

/**
 * Jobs away asked of the backend: one more than shown. The backend lists
 * each node's edges to the other nodes of its answer only; one job
 * further, every shown dataset has all its edges, so `findUnexplored`
 * knows which of its sides hold more (no expand button on a source).
 */
export const FETCH_DEPTH = STEP_DEPTH + 1;

/**
 * The graph around `rootIds` (one node, or a component's jobs), one step
 * deep, grown by the sides in `wanted` (`expandKey`s, kept by the caller,
 * e.g. in the address). Each wanted side is fetched once and merged;
 * `onFailed` hears of a side whose fetch failed, to drop it.
 */
export function useLineageGraph(
  rootIds: readonly string[],
  wanted: ReadonlySet<string>,
  onFailed?: (key: string) => void,
) {
  const api = useApi(lineageApiRef);
  const rootKey = rootIds.join('\n');
  const initial = useAsyncRetry(async () => {
    const ids = rootKey.split('\n');
    const answers = await Promise.all(
      ids.map(async id =>
        aroundNode(
          toLineageGraph(await api.getLineage(id, FETCH_DEPTH)),
          id,
          STEP_DEPTH,
        ),
      ),
    );
    return answers.reduce(mergeGraphs, emptyGraph);
  }, [api, rootKey]);

  // Fetched sides by expandKey; a side no longer wanted stays cached.
  const [slices, setSlices] = useState<ReadonlyMap<string, LineageGraph>>(
    new Map(),
  );
  const [expandError, setExpandError] = useState<Error>();
  const inFlight = useRef(new Set<string>());
  const failed = useRef(onFailed);
  failed.current = onFailed;

  useEffect(() => {
    for (const key of wanted) {
      const side = parseExpandKey(key);
      if (!side || slices.has(key) || inFlight.current.has(key)) continue;
      inFlight.current.add(key);
      setExpandError(undefined);
      api
        .getLineage(side.nodeId, FETCH_DEPTH)
        .then(
          answer => {
            const graph = toLineageGraph(answer);
            const more = sliceDirection(
              graph,
              side.nodeId,
              side.direction,
              STEP_DEPTH,
            );
            setSlices(s => new Map(s).set(key, more));
          },
          (e: Error) => {
            setExpandError(e);
            failed.current?.(key);
          },
        )
        .finally(() => inFlight.current.delete(key));
    }
  }, [api, wanted, slices]);

  const graph = useMemo(() => {
    if (!initial.value) return undefined;
    return [...wanted]
      .flatMap(key => slices.get(key) ?? [])
      .reduce(mergeGraphs, initial.value);
  }, [initial.value, wanted, slices]);

  const expanded: ReadonlySet<string> = useMemo(
    () =>
      new Set([
        ...rootKey
          .split('\n')
          .flatMap(id => [
            expandKey(id, 'upstream'),
            expandKey(id, 'downstream'),
          ]),
        ...[...wanted].filter(key => slices.has(key)),
      ]),
    [rootKey, wanted, slices],
  );
  const expanding: ReadonlySet<string> = useMemo(
    () => new Set([...wanted].filter(key => !slices.has(key))),
    [wanted, slices],
  );

  return {
    graph,
    expanded,
    loading: initial.loading,
    error: initial.error,
    retry: initial.retry,
    expanding,
    expandError,
  };
}
