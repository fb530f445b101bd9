import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { supersetApiRef } from '../api';

/** The embeddable dashboards and Superset's state, with a retry. */
export function useDashboards() {
  const api = useApi(supersetApiRef);
  return useAsyncRetry(() => api.listDashboards(), [api]);
}
