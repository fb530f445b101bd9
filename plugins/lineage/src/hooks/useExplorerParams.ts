import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  readExplorerParams,
  writeExplorerParams,
  type ExplorerState,
} from '../lib/explorerParams';

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
