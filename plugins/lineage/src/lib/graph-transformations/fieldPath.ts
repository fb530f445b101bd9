import type { FieldNode } from '@internal/backstage-plugin-lineage-common';
import { fieldDatasetId } from '../nodeIds';

/** One field on the path, `distance` edges from the picked one. */
export type PathField = {
  id: string;
  namespace: string;
  dataset: string;
  field: string;
  distance: number;
};

/** The picked field's lineage, end to end. */
export type FieldPath = {
  /** Nearest first: the fields it is computed from, back to the sources. */
  upstream: PathField[];
  /** Nearest first: the fields computed from it. */
  downstream: PathField[];
  /** Every field on the path, the picked one included. */
  fieldIds: ReadonlySet<string>;
  /** The datasets holding them, as dataset node ids. */
  datasetIds: ReadonlySet<string>;
};

/**
 * The path through `fieldId` in a column-lineage answer: what it reads,
 * walking against the edges, and what reads it, walking along them. Other
 * branches the answer may hold (a sibling read by the same downstream
 * field) are not on the path.
 */
export function fieldPath(graph: FieldNode[], fieldId: string): FieldPath {
  const byId = new Map(graph.map(n => [n.id, n]));
  const walk = (next: (n: FieldNode) => string[]) => {
    const found: PathField[] = [];
    const seen = new Set([fieldId]);
    let frontier = [fieldId];
    for (let distance = 1; frontier.length; distance++) {
      const ids = frontier.flatMap(id => {
        const node = byId.get(id);
        return node ? next(node) : [];
      });
      frontier = [];
      for (const id of ids) {
        const node = byId.get(id);
        if (seen.has(id) || !node) continue;
        seen.add(id);
        frontier.push(id);
        const { namespace, dataset, field } = node.data;
        found.push({ id, namespace, dataset, field, distance });
      }
    }
    return found;
  };
  const upstream = walk(n => n.inEdges.map(e => e.origin));
  const downstream = walk(n => n.outEdges.map(e => e.destination));
  const ids = [
    fieldId,
    ...upstream.map(f => f.id),
    ...downstream.map(f => f.id),
  ];
  return {
    upstream,
    downstream,
    fieldIds: new Set(ids),
    datasetIds: new Set(ids.flatMap(id => fieldDatasetId(id) ?? [])),
  };
}
