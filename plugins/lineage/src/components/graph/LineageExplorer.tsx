import { Progress } from '@backstage/core-components';
import { Alert, Button, Flex, Grid, Text } from '@backstage/ui';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  useExplorerParams,
  useFieldPath,
  useGraphLayout,
  useLineageGraph,
  useUnresolvedParams,
} from '../../hooks';
import {
  expandKey,
  filterGraph,
  findUnexplored,
  pathNodes,
  tableJobs,
  type Direction,
  type GraphFilters as Filters,
} from '../../lib/graph-transformations';
import { NodePanel } from '../panel/NodePanel';
import { GraphFilters } from './GraphFilters';
import { GraphLoadError } from './GraphLoadError';
import { LineageGraphView } from './LineageGraphView';

/**
 * The graph around one node or a few (a component's jobs), grown by
 * expanding nodes, with filters, the side panel of the clicked node and a
 * picked column's path highlighted. All of that is in the address (see
 * lib/explorerParams), so a reload or a shared link shows the same view.
 */
export function LineageExplorer(props: { rootIds: readonly string[] }) {
  const { rootIds } = props;
  const [params, update] = useExplorerParams();
  const { filters, column: fieldId } = params;
  const selected = params.selected ?? rootIds[0];

  const dropSide = useCallback(
    (key: string) =>
      update(s => ({
        expanded: new Set([...s.expanded].filter(k => k !== key)),
      })),
    [update],
  );
  const lineage = useLineageGraph(rootIds, params.expanded, dropSide);
  const path = useFieldPath(fieldId);

  // A link with expansions: wait for them, so the first fit sees them all.
  const [restored, setRestored] = useState(false);
  const settled = !lineage.loading && !lineage.expanding.size;
  useEffect(() => {
    if (settled) setRestored(true);
  }, [settled]);
  const [dropped, dismissDropped] = useUnresolvedParams(
    settled ? lineage.graph : undefined,
  );

  // Layout depends on the loaded graph and the filters only.
  const visible = useMemo(
    () => lineage.graph && filterGraph(lineage.graph, filters),
    [lineage.graph, filters],
  );
  const unexplored = useMemo(
    () =>
      lineage.graph
        ? findUnexplored(lineage.graph, lineage.expanded, lineage.open)
        : new Map(),
    [lineage.graph, lineage.expanded, lineage.open],
  );
  // Past a hundred nodes the layout comes from a worker; until it does,
  // the graph drawn stays with the expand buttons it was drawn with, and
  // the sides whose answers it lacks still show as expanding.
  const sides = useMemo(
    () => ({ unexplored, expanded: lineage.expanded }),
    [unexplored, lineage.expanded],
  );
  const drawn = useGraphLayout(visible, sides);
  const { layout } = drawn;
  const expanding = useMemo(
    () =>
      new Set([
        ...lineage.expanding,
        ...[...lineage.expanded].filter(k => !drawn.tag.expanded.has(k)),
      ]),
    [lineage.expanding, lineage.expanded, drawn.tag],
  );
  const highlight = useMemo(() => {
    if (!path.value || !lineage.graph) return undefined;
    const { nodeIds } = pathNodes(lineage.graph, path.value.datasetIds);
    return { fields: path.value, nodeIds };
  }, [path.value, lineage.graph]);

  const select = useCallback(
    (id: string) => update(() => ({ selected: id })),
    [update],
  );
  const expand = useCallback(
    (id: string, direction: Direction) =>
      update(s => ({
        expanded: new Set(s.expanded).add(expandKey(id, direction)),
      })),
    [update],
  );
  const setFilters = useCallback(
    (f: Filters) => update(() => ({ filters: f })),
    [update],
  );
  const pickField = useCallback(
    (id: string | undefined) => update(() => ({ column: id })),
    [update],
  );

  if (lineage.loading || (!restored && !lineage.error)) return <Progress />;
  if (!layout && drawn.pending) return <Progress />;
  if (lineage.error || !lineage.graph || !layout) {
    return (
      <GraphLoadError
        error={lineage.error ?? new Error('No graph')}
        rootIds={rootIds}
        onRetry={lineage.retry}
      />
    );
  }
  const node = lineage.graph.nodes.get(selected);
  // An open dataset came without all its edges: its jobs are not known.
  const jobs =
    node && !lineage.open.has(node.id)
      ? tableJobs(lineage.graph, node.id)
      : undefined;
  return (
    <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
      <Grid.Item colSpan={{ initial: '1', md: '2' }}>
        <Flex direction="column" gap="3">
          <GraphFilters filters={filters} onChange={setFilters} />
          {dropped.length > 0 && (
            <Alert
              role="alert"
              status="warning"
              icon
              title="Part of the link could not be followed, and was left out"
              description={dropped
                .map(d => `${d.param} "${d.value}": ${d.reason}.`)
                .join(' ')}
              customActions={
                <Button
                  variant="tertiary"
                  size="small"
                  onPress={dismissDropped}
                >
                  Dismiss
                </Button>
              }
            />
          )}
          {lineage.overLimit && (
            <Alert
              status="warning"
              icon
              title="Shown alone: its nearest neighbours are more than the portal draws"
              description={lineage.overLimit.message}
            />
          )}
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
              unexplored={drawn.tag.unexplored}
              expanding={expanding}
              onSelect={select}
              onExpand={expand}
            />
          )}
        </Flex>
      </Grid.Item>
      <Grid.Item>
        {node ? (
          <NodePanel
            key={node.id}
            node={node}
            isRoot={rootIds.includes(node.id)}
            jobs={jobs}
            fieldId={fieldId}
            onPickField={pickField}
            path={path}
          />
        ) : (
          <Text color="secondary">Click a node to see its details.</Text>
        )}
      </Grid.Item>
    </Grid.Root>
  );
}
