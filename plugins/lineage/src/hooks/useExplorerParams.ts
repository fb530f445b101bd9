import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  readExplorerParams,
  unresolvedParams,
  writeExplorerParams,
  type ExplorerState,
  type UnresolvedParam,
} from '../lib/explorerParams';
import type { LineageGraph } from '../lib/graph-transformations';

/**
 * The explorer's state (expanded sides, selection, column, filters) in the
 * address's query, next to whatever else the page keeps there (`node`).
 * Changes replace the history entry: Back leaves the graph, it does not
 * undo each click.
 */
export function useExplorerParams() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const state = useMemo(
    () => readExplorerParams(new URLSearchParams(search)),
    [search],
  );
  // The setter changes with every address; callers get a stable one.
  const latest = useRef(setParams);
  latest.current = setParams;
  const update = useCallback(
    (change: (state: ExplorerState) => Partial<ExplorerState>) =>
      latest.current(
        prev => {
          const now = readExplorerParams(prev);
          return writeExplorerParams(prev, { ...now, ...change(now) });
        },
        { replace: true },
      ),
    [],
  );
  return [state, update] as const;
}

/**
 * Once `graph` is loaded (undefined until then), drops from the address a
 * `column` or `selected` that names nothing in it, and returns what it
 * dropped and why, for the page to say so: a link that cannot be followed
 * whole says which part it could not, and a reload does not repeat it.
 */
export function useUnresolvedParams(graph: LineageGraph | undefined) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const [dropped, setDropped] = useState<UnresolvedParam[]>([]);
  useEffect(() => {
    if (!graph) return;
    const found = unresolvedParams(new URLSearchParams(search), graph);
    if (!found.length) return;
    setDropped(found);
    setParams(
      prev => {
        const next = new URLSearchParams(prev);
        found.forEach(f => next.delete(f.param));
        return next;
      },
      { replace: true },
    );
  }, [graph, search, setParams]);
  const dismiss = useCallback(() => setDropped([]), []);
  return [dropped, dismiss] as const;
}
