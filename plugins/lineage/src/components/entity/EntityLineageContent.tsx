import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import { LAKEHOUSE_TABLE_ANNOTATION } from '@internal/backstage-plugin-lakehouse-common';
import useAsync from 'react-use/esm/useAsync';
import { lineageApiRef } from '../../api';
import { datasetNameOfAnnotation } from '../../lib/layers';
import { EmptyState } from '../common/EmptyState';
import { LineageExplorer } from '../graph/LineageExplorer';
import { useLineageRoot, useNodeHref } from '../search/NodeSearch';

function Found(props: { nodeId: string; label: string }) {
  const href = useNodeHref();
  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center" style={{ flexWrap: 'wrap' }}>
        <Text variant="body-medium" color="secondary">
          {props.label}
        </Text>
        <Link href={href(props.nodeId)}>Open on the Lineage page</Link>
      </Flex>
      <LineageExplorer rootId={props.nodeId} />
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
      nodeId={found.value.nodeId}
      label={`${found.value.name} in ${found.value.namespace}`}
    />
  );
}

/**
 * A pipeline component's lineage: the jobs named after it (the lineage
 * records no link from a job to a catalog component, so this is by name).
 */
function ComponentLineage(props: { name: string; title: string }) {
  const root = useLineageRoot();
  const api = useApi(lineageApiRef);
  const jobs = useAsync(
    () => api.search({ q: props.name, filter: 'JOB', limit: 20 }),
    [api, props.name],
  );
  if (jobs.loading) return <Progress />;
  if (jobs.error) {
    return (
      <ResponseErrorPanel
        title="Could not search the lineage"
        error={jobs.error}
      />
    );
  }
  const [first] = jobs.value?.results ?? [];
  if (!first) {
    return (
      <EmptyState
        title={`No lineage job is named after ${props.title} yet.`}
        description={`Lineage records jobs by the names their producers give them, and none holds "${props.name}". The datasets this component writes are on the Lineage page: search for a table there.`}
      >
        <Link href={root}>Open the Lineage page</Link>
      </EmptyState>
    );
  }
  return <Found nodeId={first.nodeId} label={`Job ${first.name}`} />;
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
  return (
    <ComponentLineage
      name={entity.metadata.name}
      title={entity.metadata.title ?? entity.metadata.name}
    />
  );
}
