import {
  compressToEncodedURIComponent,
  decompressFromEncodedURIComponent,
} from 'lz-string';
import {
  parseExpandKey,
  type GraphFilters,
  type LineageGraph,
  type LineageNode,
} from './graph-transformations';
import { LAYERS, type Layer } from './layers';
import { datasetNodeId, parseFieldNodeId } from './nodeIds';

/**
 * What the reader did to the graph, kept in the address so that a reload
 * or a shared link shows the same view. Defaults are left out of the
 * address: a plain `?node=` link opens the graph as it always did.
 */
export type ExplorerState = {
  /** Sides expanded, as `expandKey`s. */
  expanded: ReadonlySet<string>;
  /** The node in the side panel; the root when undefined. */
  selected?: string;
  /** The field whose column lineage is highlighted. */
  column?: string;
  filters: GraphFilters;
};

const KINDS: LineageNode['kind'][] = ['dataset', 'job'];

export const ALL_FILTERS: GraphFilters = {
  layers: new Set(LAYERS),
  kinds: new Set(KINDS),
};

const PARAMS = ['expand', 'expanded', 'selected', 'column', 'layers', 'kinds'];

/**
 * The most characters the expanded sides take in the address as readable
 * `expand` parameters. Past it they go compressed in one `expanded`
 * (lz-string, about a sixth of the size): servers refuse addresses over
 * about 16 kB (Node answers 431), which some 200 sides reached.
 */
const READABLE_EXPANDS = 4000;

// Node ids may hold commas (a Trino job "write a, b"): one `expand` each.
// Layers and kinds never do: one comma-separated list each.
function listOf<T extends string>(
  value: string | null,
  known: readonly T[],
  all: ReadonlySet<T>,
): ReadonlySet<T> {
  if (value === null) return all;
  return new Set(known.filter(k => value.split(',').includes(k)));
}

export function readExplorerParams(params: URLSearchParams): ExplorerState {
  const kinds = listOf(params.get('kinds'), KINDS, ALL_FILTERS.kinds);
  const column = params.get('column') ?? '';
  return {
    expanded: new Set(
      [
        ...params.getAll('expand'),
        ...compressedKeys(params.get('expanded')),
      ].filter(k => parseExpandKey(k)),
    ),
    selected: params.get('selected') ?? undefined,
    // Only a field's id: the page asks the backend for its lineage.
    column: parseFieldNodeId(column) ? column : undefined,
    filters: {
      layers: listOf<Layer>(params.get('layers'), LAYERS, ALL_FILTERS.layers),
      // The kind toggles never allow none: an empty list is a bad link.
      kinds: kinds.size ? kinds : ALL_FILTERS.kinds,
    },
  };
}

/** `params` with the explorer's part replaced by `state`; others kept. */
export function writeExplorerParams(
  params: URLSearchParams,
  state: ExplorerState,
): URLSearchParams {
  const next = new URLSearchParams(params);
  PARAMS.forEach(p => next.delete(p));
  const keys = [...state.expanded].sort();
  const readable = keys.reduce((n, k) => n + encodeURIComponent(k).length, 0);
  if (readable <= READABLE_EXPANDS) {
    keys.forEach(k => next.append('expand', k));
  } else {
    next.set('expanded', compressToEncodedURIComponent(keys.join('\n')));
  }
  if (state.selected) next.set('selected', state.selected);
  if (state.column) next.set('column', state.column);
  const { layers, kinds } = state.filters;
  if (layers.size < LAYERS.length) {
    next.set('layers', LAYERS.filter(l => layers.has(l)).join(','));
  }
  if (kinds.size < KINDS.length) next.set('kinds', [...kinds].join(','));
  return next;
}

/** The keys of a compressed `expanded` parameter; none when unreadable. */
function compressedKeys(value: string | null): string[] {
  if (!value) return [];
  return decompressFromEncodedURIComponent(value)?.split('\n') ?? [];
}

/** A parameter of the address that names nothing in the graph, and why. */
export type UnresolvedParam = {
  param: 'column' | 'selected';
  value: string;
  reason: string;
};

function columnProblem(column: string, graph: LineageGraph) {
  const field = parseFieldNodeId(column);
  if (!field) {
    return 'not a column id, which is datasetField:<namespace>:<dataset>:<field>';
  }
  const id = datasetNodeId(field.namespace, field.dataset);
  const dataset = graph.nodes.get(id);
  if (dataset?.kind !== 'dataset') {
    // Ids are read from the end: one without its field reads one part off.
    const whole = datasetNodeId(
      `${field.namespace}:${field.dataset}`,
      field.field,
    );
    return graph.nodes.has(whole)
      ? `it lacks a field: ${whole} is a dataset`
      : `${id} is not in this graph`;
  }
  return dataset.fields.some(f => f.name === field.field)
    ? undefined
    : `${field.dataset} has no field ${field.field}`;
}

/**
 * The `column` and `selected` of `params` that name no field or node of
 * `graph` (loaded with the address's expansions), each with the reason.
 */
export function unresolvedParams(
  params: URLSearchParams,
  graph: LineageGraph,
): UnresolvedParam[] {
  const found: UnresolvedParam[] = [];
  const column = params.get('column');
  const problem = column === null ? undefined : columnProblem(column, graph);
  if (column !== null && problem) {
    found.push({ param: 'column', value: column, reason: problem });
  }
  const selected = params.get('selected');
  if (selected !== null && !graph.nodes.has(selected)) {
    found.push({
      param: 'selected',
      value: selected,
      reason: 'no such node in this graph',
    });
  }
  return found;
}
