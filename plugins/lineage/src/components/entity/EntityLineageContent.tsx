import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { LAKEHOUSE_TABLE_ANNOTATION } from '@internal/backstage-plugin-lakehouse-common';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { lineageApiRef } from '../../api';
import {
  componentJobQuery,
  componentJobs,
  LINEAGE_JOB_PREFIX_ANNOTATION,
} from '../../lib/componentJobs';
import { datasetNameOfAnnotation } from '../../lib/layers';
import { EmptyState } from '@internal/backstage-plugin-scout-react';
import { LineageExplorer } from '../graph/LineageExplorer';
import { useLineageRoot, useNodeHref } from '../search/NodeSearch';

function Found(props: { nodeIds: string[]; label: string }) {
  const href = useNodeHref();
  const { nodeIds } = props;
  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
        <Text variant="body-medium" color="secondary">
          {props.label}
        </Text>
        <Link href={href(nodeIds[0])}>Open on the Lineage page</Link>
      </Flex>
      <LineageExplorer rootIds={nodeIds} />
    </Flex>
  );
}

/**
 * A table's lineage: the dataset named by the table annotation
 * (`iceberg/gold/x` is the dataset `iceberg.gold.x`), found by an exact-name
 * search; the newest namespace wins when several engines wrote it.
 */
function TableLineage(props: { datasetName: string }) {
  const { datasetName } = props;
  const root = useLineageRoot();
  const api = useApi(lineageApiRef);
  const found = useAsync(async () => {
    const { results } = await api.search({
      q: datasetName,
      filter: 'DATASET',
      limit: 100,
    });
    return results.find(r => r.name === datasetName);
  }, [api, datasetName]);
  if (found.loading) return <Progress />;
  if (found.error) {
    return (
      <ResponseErrorPanel
        title="Could not search the lineage"
        error={found.error}
      />
    );
  }
  if (!found.value) {
    return (
      <EmptyState
        title={`No lineage recorded yet for ${datasetName}: it appears after the pipeline's first run.`}
        description="The engine that writes the table sends OpenLineage events to the portal on every write."
      >
        <Link href={root}>Browse the lineage that is recorded</Link>
      </EmptyState>
    );
  }
  return (
    <Found
      nodeIds={[found.value.nodeId]}
      label={`${found.value.name} in ${found.value.namespace}`}
    />
  );
}

/**
 * A pipeline component's lineage: its jobs, found by name (the lineage
 * records no link from a job to a catalog component). An edge function's
 * job is named after it; dbt's are `model.<project>.<model>`, which the
 * component's `scout.io/lineage-job-prefix` annotation names. The graph
 * opens on all of them: the project's graph.
 */
function ComponentLineage(props: { entity: Entity }) {
  const { entity } = props;
  const root = useLineageRoot();
  const api = useApi(lineageApiRef);
  const query = useMemo(() => componentJobQuery(entity), [entity]);
  const jobs = useAsync(async () => {
    const { results } = await api.search({
      q: query.q,
      filter: 'JOB',
      limit: 100,
    });
    return componentJobs(results, query.matches);
  }, [api, query]);
  if (jobs.loading) return <Progress />;
  if (jobs.error) {
    return (
      <ResponseErrorPanel
        title="Could not search the lineage"
        error={jobs.error}
      />
    );
  }
  const title = entity.metadata.title ?? entity.metadata.name;
  if (!jobs.value) {
    return (
      <EmptyState
        title={`No lineage job of ${title} recorded yet.`}
        description={`Lineage records jobs by the names their producers give them, and none is ${query.describe}. If this component's jobs have other names, set its ${LINEAGE_JOB_PREFIX_ANNOTATION} annotation to their common prefix.`}
      >
        <Link href={root}>Open the Lineage page</Link>
      </EmptyState>
    );
  }
  const { nodeIds, namespace } = jobs.value;
  return (
    <Found
      nodeIds={nodeIds}
      label={`${nodeIds.length} job${nodeIds.length === 1 ? '' : 's'} ${
        query.describe
      } in ${namespace}`}
    />
  );
}

/** The Lineage tab of a table Resource or a pipeline Component. */
export function EntityLineageContent() {
  const { entity } = useEntity();
  const root = useLineageRoot();
  if (entity.kind.toLocaleLowerCase('en-US') === 'resource') {
    const value = entity.metadata.annotations?.[LAKEHOUSE_TABLE_ANNOTATION];
    const datasetName = datasetNameOfAnnotation(value);
    if (!datasetName) {
      return (
        <EmptyState
          title="This entity does not name a lakehouse table"
          description={`Its ${LAKEHOUSE_TABLE_ANNOTATION} annotation is "${
            value ?? ''
          }"; it must be <catalog>/<layer>/<table>.`}
        >
          <Link href={root}>Open the Lineage page</Link>
        </EmptyState>
      );
    }
    return <TableLineage datasetName={datasetName} />;
  }
  return <ComponentLineage entity={entity} />;
}
