import type { Entity } from '@backstage/catalog-model';
import type { SearchResult } from '@internal/backstage-plugin-lineage-common';
import {
  componentJobQuery,
  componentJobs,
  LINEAGE_JOB_PREFIX_ANNOTATION,
} from './componentJobs';

const component = (name: string, annotations = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'data-pipeline' },
});

const job = (namespace: string, name: string): SearchResult => ({
  type: 'JOB',
  name,
  namespace,
  nodeId: `job:${namespace}:${name}`,
  updatedAt: '2026-12-01T10:00:00Z',
});

describe('a component’s jobs', () => {
  it('are those named after it', () => {
    const { q, matches } = componentJobQuery(component('ingest-doc'));
    expect(q).toBe('ingest-doc');
    const found = componentJobs(
      [
        job('scout://edge-functions', 'ingest-doc-replay'),
        job('scout://edge-functions', 'ingest-doc'),
      ],
      matches,
    );
    expect(found).toEqual({
      namespace: 'scout://edge-functions',
      nodeIds: ['job:scout://edge-functions:ingest-doc'],
    });
  });

  it('are those starting with its prefix annotation, in the newest namespace', () => {
    const dbt = component('dbt', {
      [LINEAGE_JOB_PREFIX_ANNOTATION]: 'model.scout.',
    });
    const { q, matches } = componentJobQuery(dbt);
    expect(q).toBe('model.scout.');
    const found = componentJobs(
      [
        job('duckdb://lakehouse', 'model.scout.gold'),
        job('trino://t:8080', 'model.scout.silver'),
        job('duckdb://lakehouse', 'exposure.model.scout.x'),
        job('duckdb://lakehouse', 'model.scout.silver'),
      ],
      matches,
    );
    expect(found).toEqual({
      namespace: 'duckdb://lakehouse',
      nodeIds: [
        'job:duckdb://lakehouse:model.scout.gold',
        'job:duckdb://lakehouse:model.scout.silver',
      ],
    });
  });

  it('are none when nothing matches', () => {
    const { matches } = componentJobQuery(component('dbt'));
    expect(componentJobs([job('n', 'dbt-docs')], matches)).toBeUndefined();
  });
});
