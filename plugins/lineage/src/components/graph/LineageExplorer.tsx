import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Alert, Button, Flex, Grid, Text } from '@backstage/ui';
import { useCallback, useMemo, useState } from 'react';
import { LineageError } from '../../api';
import { useFieldPath, useLineageGraph } from '../../hooks';
import {
  filterGraph,
  findUnexplored,
  layoutGraph,
  pathNodes,
  type GraphFilters as Filters,
} from '../../lib/graph-transformations';
import { LAYERS } from '../../lib/layers';
import { NodePanel } from '../panel/NodePanel';
import { GraphFilters } from './GraphFilters';
import { LineageGraphView } from './LineageGraphView';

const ALL: Filters = {
  layers: new Set(LAYERS),
  kinds: new Set(['dataset', 'job']),
};

/**
 * The graph around one node, grown by expanding nodes, with filters, the
 * side panel of the clicked node and a picked column's path highlighted.
 */
export function LineageExplorer(props: { rootId: string }) {
  const { rootId } = props;
  const lineage = useLineageGraph(rootId);
  const [filters, setFilters] = useState(ALL);
  const [selected, setSelected] = useState(rootId);
  const [fieldId, setFieldId] = useState<string>();
  const path = useFieldPath(fieldId);

  // Layout depends on the loaded graph and the filters only.
  const visible = useMemo(
    () => lineage.graph && filterGraph(lineage.graph, filters),
    [lineage.graph, filters],
  );
  const layout = useMemo(() => visible && layoutGraph(visible), [visible]);
  const unexplored = useMemo(
    () =>
      lineage.graph
        ? findUnexplored(lineage.graph, lineage.expanded)
        : new Map(),
    [lineage.graph, lineage.expanded],
  );
  const highlight = useMemo(() => {
    if (!path.value || !lineage.graph) return undefined;
    const { nodeIds } = pathNodes(lineage.graph, path.value.datasetIds);
    return { fields: path.value, nodeIds };
  }, [path.value, lineage.graph]);

  const select = useCallback((id: string) => setSelected(id), []);

  if (lineage.loading) return <Progress />;
  if (lineage.error || !lineage.graph || !layout) {
    const error = lineage.error ?? new Error('No graph');
    return (
      <Flex direction="column" gap="2">
        <ResponseErrorPanel
          title={
            error instanceof LineageError && error.status === 404
              ? `No lineage recorded for ${rootId}`
              : 'Could not load the lineage graph'
          }
          error={error}
        />
        <Button variant="secondary" size="small" onPress={lineage.retry}>
          Try again
        </Button>
      </Flex>
    );
  }
  const node = lineage.graph.nodes.get(selected);
  return (
    <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
      <Grid.Item colSpan={{ initial: '1', md: '2' }}>
        <Flex direction="column" gap="3">
          <GraphFilters filters={filters} onChange={setFilters} />
          {lineage.expandError && (
            <Alert
              status="danger"
              icon
              title="Could not expand the graph"
              description={lineage.expandError.message}
            />
          )}
          {layout.nodes.length === 0 ? (
            <Text color="secondary">
              The filters hide every node: turn a layer or kind back on.
            </Text>
          ) : (
            <LineageGraphView
              layout={layout}
              selectedId={selected}
              path={highlight}
              unexplored={unexplored}
              expanding={lineage.expanding}
              onSelect={select}
              onExpand={lineage.expand}
            />
          )}
        </Flex>
      </Grid.Item>
      <Grid.Item>
        {node ? (
          <NodePanel
            key={node.id}
            node={node}
            isRoot={node.id === rootId}
            fieldId={fieldId}
            onPickField={setFieldId}
            path={path}
          />
        ) : (
          <Text color="secondary">Click a node to see its details.</Text>
        )}
      </Grid.Item>
    </Grid.Root>
  );
}
