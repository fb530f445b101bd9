import { useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { lineageApiRef } from '../api';
import { fieldPath } from '../lib/graph-transformations';

/** Hops of column lineage to follow each way: source to platinum is 4. */
export const COLUMN_DEPTH = 10;

/** The column lineage of one field (a datasetField node id), end to end. */
export function useFieldPath(fieldId: string | undefined) {
  const api = useApi(lineageApiRef);
  return useAsync(async () => {
    if (!fieldId) return undefined;
    return fieldPath(
      await api.getColumnLineage(fieldId, COLUMN_DEPTH),
      fieldId,
    );
  }, [api, fieldId]);
}
