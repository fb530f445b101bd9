import { Button, Flex, Text } from '@backstage/ui';
import { useCallback, useMemo } from 'react';
import { useGraphZoom } from '../../hooks';
import { nodeBadges, type NodeBadge } from '../../lib/badges';
import {
  expandKey,
  type Direction,
  type FieldPath,
  type GraphLayout,
  type LineageNode,
  type Unexplored,
} from '../../lib/graph-transformations';
import { parseFieldNodeId } from '../../lib/nodeIds';
import { MAX_ZOOM, MIN_ZOOM, OUTLINE_ZOOM } from '../../lib/zoom';
import { GraphNodeCard, NO_SIDES, type NodeState } from './GraphNodeCard';
import styles from './graph.module.css';

function edgePath(points: { x: number; y: number }[]) {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
}

/**
 * The laid-out graph: edges as SVG, nodes as absolutely placed cards, in a
 * scrolling viewport, fitted to it at first, with zoom and "Fit", and kept
 * on the node an expand grew the graph from. The layout comes in already
 * computed, so selecting, highlighting, zooming or hovering never lays the
 * graph out again; zooming renders no card again.
 */
export function LineageGraphView(props: {
  layout: GraphLayout;
  selectedId?: string;
  path?: { fields: FieldPath; nodeIds: ReadonlySet<string> };
  unexplored: Unexplored;
  expanding: ReadonlySet<string>;
  onSelect: (id: string) => void;
  onExpand: (id: string, direction: Direction) => void;
  /** The badges' source; default {@link nodeBadges}. */
  badgesFor?: (node: LineageNode) => NodeBadge[];
}) {
  const { layout, selectedId, path, unexplored, expanding, onExpand } = props;
  const badgesFor = props.badgesFor ?? nodeBadges;
  // The node the view opened on; later selections do not move the view.
  const { viewport, zoom, fit, zoomBy, follow, onScroll } = useGraphZoom(
    layout,
    selectedId,
  );
  const expand = useCallback(
    (id: string, direction: Direction) => {
      follow(id);
      onExpand(id, direction);
    },
    [follow, onExpand],
  );

  const pathFields = useMemo(() => {
    const byDataset = new Map<string, string[]>();
    for (const id of path?.fields.fieldIds ?? []) {
      const f = parseFieldNodeId(id);
      if (!f) continue;
      const key = `dataset:${f.namespace}:${f.dataset}`;
      byDataset.set(key, [...(byDataset.get(key) ?? []), f.field]);
    }
    return byDataset;
  }, [path]);

  // Dataset names the graph holds in more than one namespace.
  const shared = useMemo(() => {
    const namespaces = new Map<string, Set<string>>();
    for (const { node } of layout.nodes) {
      if (node.kind !== 'dataset') continue;
      const seen = namespaces.get(node.name) ?? new Set();
      namespaces.set(node.name, seen.add(node.namespace));
    }
    return new Set(
      [...namespaces].filter(([, ns]) => ns.size > 1).map(([name]) => name),
    );
  }, [layout]);

  const states = useMemo(
    () =>
      new Map<string, NodeState>(
        layout.nodes.map(({ node }) => {
          const busy = new Set<Direction>(
            (['upstream', 'downstream'] as const).filter(d =>
              expanding.has(expandKey(node.id, d)),
            ),
          );
          return [
            node.id,
            {
              selected: node.id === selectedId,
              onPath: path ? path.nodeIds.has(node.id) : undefined,
              pathFields: pathFields.get(node.id) ?? [],
              canExpand: unexplored.get(node.id) ?? NO_SIDES,
              expanding: busy,
              badges: badgesFor(node),
              sharedName: shared.has(node.name),
            },
          ];
        }),
      ),
    [
      layout,
      selectedId,
      path,
      pathFields,
      unexplored,
      expanding,
      badgesFor,
      shared,
    ],
  );

  const onPath = (from: string, to: string) =>
    path ? path.nodeIds.has(from) && path.nodeIds.has(to) : false;

  return (
    <Flex direction="column" gap="2">
      <Flex
        align="center"
        gap="2"
        justify="end"
        className={styles.controls}
        role="toolbar"
        aria-label="Zoom"
      >
        <Text variant="body-small" color="secondary">
          {`${layout.nodes.length} node${
            layout.nodes.length === 1 ? '' : 's'
          } · ${Math.round(zoom * 100)}%${
            zoom < OUTLINE_ZOOM
              ? ` · names from ${Math.round(OUTLINE_ZOOM * 100)}%`
              : ''
          }`}
        </Text>
        <Button
          size="small"
          variant="secondary"
          isDisabled={zoom <= MIN_ZOOM}
          onPress={() => zoomBy(-1)}
        >
          Zoom out
        </Button>
        <Button
          size="small"
          variant="secondary"
          isDisabled={zoom >= MAX_ZOOM}
          onPress={() => zoomBy(1)}
        >
          Zoom in
        </Button>
        <Button size="small" variant="secondary" onPress={fit}>
          Fit
        </Button>
      </Flex>
      <div
        ref={viewport}
        onScroll={onScroll}
        className={styles.viewport}
        role="group"
        aria-label="Lineage graph"
      >
        <div
          style={{ width: layout.width * zoom, height: layout.height * zoom }}
        >
          <div
            className={`${styles.canvas} ${
              zoom < OUTLINE_ZOOM ? styles.outline : ''
            }`}
            style={{
              width: layout.width,
              height: layout.height,
              transform: `scale(${zoom})`,
            }}
          >
            <svg
              className={styles.edges}
              width={layout.width}
              height={layout.height}
              aria-hidden="true"
            >
              <defs>
                <marker
                  id="lineage-arrow"
                  viewBox="0 0 10 10"
                  refX="10"
                  refY="5"
                  markerWidth="6"
                  markerHeight="6"
                  orient="auto-start-reverse"
                >
                  <path d="M0,0 L10,5 L0,10 z" className={styles.arrow} />
                </marker>
              </defs>
              {layout.edges.map(e => (
                <path
                  key={`${e.from}>${e.to}`}
                  d={edgePath(e.points)}
                  className={`${styles.edge} ${
                    onPath(e.from, e.to) ? styles.edgeOnPath : ''
                  }`}
                  markerEnd="url(#lineage-arrow)"
                />
              ))}
            </svg>
            {layout.nodes.map(placed => (
              <GraphNodeCard
                key={placed.node.id}
                placed={placed}
                state={states.get(placed.node.id)!}
                onSelect={props.onSelect}
                onExpand={expand}
              />
            ))}
          </div>
        </div>
      </div>
    </Flex>
  );
}
