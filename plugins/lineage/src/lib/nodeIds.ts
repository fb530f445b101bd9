/**
 * Marquez's node ids, read from the end: the namespace comes first and may
 * itself hold colons (`trino://127.0.0.1:8080`), names and fields never do.
 */

export type NodeKind = 'dataset' | 'job';

export type NodeRef = { kind: NodeKind; namespace: string; name: string };

export type FieldRef = { namespace: string; dataset: string; field: string };

export const datasetNodeId = (namespace: string, name: string) =>
  `dataset:${namespace}:${name}`;

export const jobNodeId = (namespace: string, name: string) =>
  `job:${namespace}:${name}`;

export const fieldNodeId = (f: FieldRef) =>
  `datasetField:${f.namespace}:${f.dataset}:${f.field}`;

/** The last `tail` colon-separated parts, and the namespace before them. */
function split(rest: string, tail: number): string[] | undefined {
  const parts = rest.split(':');
  if (parts.length <= tail) return undefined;
  const namespace = parts.slice(0, parts.length - tail).join(':');
  const names = parts.slice(parts.length - tail);
  if (!namespace || names.some(n => !n)) return undefined;
  return [namespace, ...names];
}

/** `dataset:<ns>:<name>` or `job:<ns>:<name>`; undefined for anything else. */
export function parseNodeId(nodeId: string): NodeRef | undefined {
  const kind = nodeId.slice(0, nodeId.indexOf(':'));
  if (kind !== 'dataset' && kind !== 'job') return undefined;
  const parts = split(nodeId.slice(kind.length + 1), 1);
  return parts && { kind, namespace: parts[0], name: parts[1] };
}

/** `datasetField:<ns>:<dataset>:<field>`; undefined for anything else. */
export function parseFieldNodeId(nodeId: string): FieldRef | undefined {
  const prefix = 'datasetField:';
  if (!nodeId.startsWith(prefix)) return undefined;
  const parts = split(nodeId.slice(prefix.length), 2);
  return parts && { namespace: parts[0], dataset: parts[1], field: parts[2] };
}

/** The dataset a field node belongs to. */
export function fieldDatasetId(fieldId: string): string | undefined {
  const f = parseFieldNodeId(fieldId);
  return f && datasetNodeId(f.namespace, f.dataset);
}
