import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { sloApiRef } from '../api';

/** One SLO's recorded budget and SLI over the last `days`. */
export function useSloHistory(id: string, days = 30) {
  const api = useApi(sloApiRef);
  return useAsyncRetry(() => api.getSloHistory(id, days), [api, id, days]);
}
