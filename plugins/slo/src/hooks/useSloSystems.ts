import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { SloStatus } from '@internal/backstage-plugin-slo-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { systemOfEntity } from '../lib/slos';

/**
 * The system of each SLO's entity, from the catalog: a map from entity ref
 * to system ref. An entity the catalog does not hold has no entry.
 */
export function useSloSystems(items: readonly SloStatus[] | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const refs = [...new Set((items ?? []).map(s => s.entity))].sort();
  const key = refs.join(',');
  return useAsyncRetry(async () => {
    const systems = new Map<string, string>();
    if (!refs.length) return systems;
    const { items: entities } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.system'],
    });
    entities.forEach((entity, i) => {
      const system = entity && systemOfEntity(entity);
      if (system) systems.set(refs[i], system);
    });
    return systems;
    // `key` stands for `refs`: a new array each render, the same refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogApi, key]);
}
