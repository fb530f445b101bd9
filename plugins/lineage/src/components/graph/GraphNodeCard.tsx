import { memo } from 'react';
import type { NodeBadge } from '../../lib/badges';
import type { Direction, PlacedNode } from '../../lib/graph-transformations';
import { tableOf } from '../../lib/layers';
import styles from './graph.module.css';

export type NodeState = {
  selected: boolean;
  /** On the picked column's path; undefined when no column is picked. */
  onPath?: boolean;
  /** The path's fields in this dataset. */
  pathFields: string[];
  canExpand: ReadonlySet<Direction>;
  expanding: ReadonlySet<Direction>;
  /** Freshness, last run, rows and test marks (see lib/badges). */
  badges: NodeBadge[];
  /**
   * The graph holds this dataset's name in other namespaces too: the card
   * names its namespace, where it would repeat the name.
   */
  sharedName?: boolean;
};

const NO_SIDES: ReadonlySet<Direction> = new Set();
const ARROWS = { upstream: '‹', downstream: '›' };

function ExpandButton(props: {
  direction: Direction;
  name: string;
  busy: boolean;
  onExpand: () => void;
}) {
  const { direction, name, busy } = props;
  return (
    <button
      type="button"
      className={styles.expand}
      aria-label={`Expand ${direction} of ${name}`}
      title={`Show what ${
        direction === 'upstream' ? 'feeds' : 'reads'
      } ${name}`}
      disabled={busy}
      aria-busy={busy}
      onClick={props.onExpand}
    >
      {busy ? '…' : ARROWS[direction]}
    </button>
  );
}

/**
 * One dataset or job of the graph, placed by the layout: a button that
 * selects it and, on a dataset, an expand button on each side that holds
 * more (upstream on the left, downstream on the right): none on the
 * upstream side of a source, nor on the downstream side of a sink.
 */
export const GraphNodeCard = memo(function NodeCard(props: {
  placed: PlacedNode;
  state: NodeState;
  onSelect: (id: string) => void;
  onExpand: (id: string, direction: Direction) => void;
}) {
  const { placed, state, onSelect, onExpand } = props;
  const { node } = placed;
  const table = node.kind === 'dataset' ? tableOf(node.name)?.table : undefined;
  const classes = [
    styles.node,
    node.kind === 'job' && styles.job,
    state.selected && styles.selected,
    state.onPath === true && styles.onPath,
    state.onPath === false && styles.dimmed,
  ].filter(Boolean);
  const side = (direction: Direction) =>
    node.kind === 'dataset' &&
    (state.canExpand.has(direction) || state.expanding.has(direction)) && (
      <ExpandButton
        direction={direction}
        name={node.name}
        busy={state.expanding.has(direction)}
        onExpand={() => onExpand(node.id, direction)}
      />
    );
  return (
    <div
      className={classes.join(' ')}
      style={{
        left: placed.x,
        top: placed.y,
        width: placed.width,
        height: placed.height,
      }}
      data-testid="lineage-node"
      data-node-id={node.id}
      data-layer={node.kind === 'dataset' ? node.layer : undefined}
    >
      {side('upstream')}
      <button
        type="button"
        className={styles.body}
        aria-pressed={state.selected}
        aria-label={`${node.kind === 'job' ? 'Job' : 'Dataset'} ${node.name}`}
        // The lines below are cut to the card; hovering shows them whole.
        title={`${node.namespace} : ${node.name}`}
        onClick={() => onSelect(node.id)}
      >
        <span className={styles.row}>
          {node.kind === 'dataset' && (
            <span className={styles.layer}>{node.layer}</span>
          )}
          <span className={styles.name}>{table ?? node.name}</span>
        </span>
        <span className={styles.meta}>
          {node.kind === 'dataset' && !state.sharedName
            ? node.name
            : node.namespace}
        </span>
        {state.badges.length > 0 && (
          <span className={styles.badges} aria-label="Badges">
            {state.badges.map(b => (
              <span
                key={b.id}
                className={styles.badge}
                data-status={b.status}
                title={b.description}
              >
                {b.label}
              </span>
            ))}
          </span>
        )}
        {state.pathFields.length > 0 && (
          <span className={styles.field} title={state.pathFields.join(', ')}>
            {state.pathFields.join(', ')}
          </span>
        )}
      </button>
      {side('downstream')}
    </div>
  );
});

export { NO_SIDES };
