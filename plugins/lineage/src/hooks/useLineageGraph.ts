import { useApi } from '@backstage/frontend-plugin-api';
import { GRAPH_TOO_LARGE } from '@internal/backstage-plugin-lineage-common';
import { BackendRequestError } from '@internal/backstage-plugin-scout-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { type LineageApi, lineageApiRef } from '../api';
import {
  aroundNode,
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

/** Whether `e` is the backend's answer over lineage.maxNodes. */
const tooLarge = (e: unknown): e is BackendRequestError =>
  e instanceof BackendRequestError && e.name === GRAPH_TOO_LARGE;

/** A node's surroundings, and the datasets in it whose edges it lacks. */
type Around = { graph: LineageGraph; open: string[] };

/**
 * A node's surroundings, FETCH_DEPTH jobs deep; STEP_DEPTH deep when that
 * answer is over the backend's node limit (a job writing hundreds of
 * tables brings them all one job further), so such a node still opens.
 * Such an answer lacks the edges of the datasets it reaches: they are
 * `open`, to be offered both ways.
 */
async function fetchAround(api: LineageApi, id: string): Promise<Around> {
  try {
    return {
      graph: toLineageGraph(await api.getLineage(id, FETCH_DEPTH)),
      open: [],
    };
  } catch (e) {
    if (!tooLarge(e)) throw e;
    const graph = toLineageGraph(await api.getLineage(id, STEP_DEPTH));
    const open = [...graph.nodes.values()]
      .filter(n => n.kind === 'dataset' && n.id !== id)
      .map(n => n.id);
    return { graph, open };
  }
}

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
  // One request per node, shared by the root and both its sides; a failed
  // one is forgotten, so that it can be asked again.
  const answers = useRef(new Map<string, Promise<Around>>());
  const around = useCallback(
    (id: string) => {
      let answer = answers.current.get(id);
      if (!answer) {
        answer = fetchAround(api, id);
        answers.current.set(id, answer);
        answer.catch(() => answers.current.delete(id));
      }
      return answer;
    },
    [api],
  );
  const rootKey = rootIds.join('\n');
  const initial = useAsyncRetry(async () => {
    const ids = rootKey.split('\n');
    const found = await Promise.all(
      ids.map(async id => {
        try {
          const { graph, open } = await around(id);
          return { graph: aroundNode(graph, id, STEP_DEPTH), open };
        } catch (e) {
          if (!tooLarge(e)) throw e;
          // Even its nearest neighbours are over the limit: the node
          // alone, and the backend's reason, rather than no graph at all.
          const graph = toLineageGraph(await api.getLineage(id, 0));
          return { graph, open: [], overLimit: e };
        }
      }),
    );
    return {
      graph: mergeGraphs(...found.map(f => f.graph)),
      open: found.flatMap(f => f.open),
      overLimit: found.find(f => f.overLimit)?.overLimit,
    };
  }, [api, around, rootKey]);

  // Fetched sides by expandKey; a side no longer wanted stays cached.
  const [slices, setSlices] = useState<ReadonlyMap<string, Around>>(new Map());
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
      around(side.nodeId)
        .then(
          ({ graph, open }) => {
            const more = sliceDirection(
              graph,
              side.nodeId,
              side.direction,
              STEP_DEPTH,
            );
            const reached = open.filter(id => more.nodes.has(id));
            setSlices(s => new Map(s).set(key, { graph: more, open: reached }));
          },
          (e: Error) => {
            setExpandError(e);
            failed.current?.(key);
          },
        )
        .finally(() => inFlight.current.delete(key));
    }
  }, [around, wanted, slices]);

  const graph = useMemo(() => {
    if (!initial.value) return undefined;
    return mergeGraphs(
      initial.value.graph,
      ...[...wanted].flatMap(key => slices.get(key)?.graph ?? []),
    );
  }, [initial.value, wanted, slices]);
  const open: ReadonlySet<string> = useMemo(
    () =>
      new Set([
        ...(initial.value?.open ?? []),
        ...[...wanted].flatMap(key => slices.get(key)?.open ?? []),
      ]),
    [initial.value, wanted, slices],
  );

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
    open,
    loading: initial.loading,
    error: initial.error,
    retry: initial.retry,
    expanding,
    expandError,
    /** Why a root shows alone: its neighbours are over lineage.maxNodes. */
    overLimit: initial.value?.overLimit,
  };
}
