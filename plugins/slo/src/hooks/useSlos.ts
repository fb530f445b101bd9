import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef, type SloQuery } from '../api';

/** Every SLO's status (or those of one owner or entity), with a retry. */
export function useSlos(query: SloQuery = {}) {
  const api = useApi(sloApiRef);
  const { owner, entity } = query;
  return useAsyncRetry(
    () => api.listSlos({ owner, entity }),
    [api, owner, entity],
  );
}
