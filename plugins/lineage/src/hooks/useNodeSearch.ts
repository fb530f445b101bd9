import { useApi } from '@backstage/frontend-plugin-api';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { lineageApiRef, type SearchQuery } from '../api';

/** Search results for what the reader types, a moment after they stop. */
export function useNodeSearch(q: string, options?: Omit<SearchQuery, 'q'>) {
  const api = useApi(lineageApiRef);
  const [debounced, setDebounced] = useState(q);
  useDebounce(() => setDebounced(q.trim()), 250, [q]);
  const { filter, limit = 10 } = options ?? {};
  return useAsync(async () => {
    if (!debounced) return undefined;
    return api.search({ q: debounced, filter, limit });
  }, [api, debounced, filter, limit]);
}
