import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The page's state that belongs in its address (layer, search, tab,
 * snapshot), so that every view has a shareable URL.
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (
      changes: Record<string, string | undefined>,
      options?: { replace?: boolean },
    ) =>
      setParams(
        prev => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(changes)) {
            if (value === undefined || value === '') next.delete(name);
            else next.set(name, value);
          }
          return next;
        },
        { replace: options?.replace },
      ),
    [setParams],
  );
  return [params, update] as const;
}
