import { InputError } from '@backstage/errors';

/** A dataset or job of the graph, as OpenLineage names it. */
export type NodeRef = {
  type: 'dataset' | 'job';
  namespace: string;
  name: string;
};

/** One field of a dataset. */
export type FieldRef = {
  namespace: string;
  dataset: string;
  field: string;
};

/**
 * Marquez's node ids. The namespace comes first and may itself hold colons
 * (`trino://127.0.0.1:8080`), so the name (and the field) are the last
 * colon-separated parts: names and fields may not contain a colon.
 */
export function datasetNodeId(namespace: string, name: string): string {
  return `dataset:${namespace}:${name}`;
}

export function jobNodeId(namespace: string, name: string): string {
  return `job:${namespace}:${name}`;
}

export function fieldNodeId(f: FieldRef): string {
  return `datasetField:${f.namespace}:${f.dataset}:${f.field}`;
}

/** A URI scheme alone (`postgres`): a namespace cut at its `://`. */
const BARE_SCHEME = /^[a-z][a-z0-9+.-]*$/i;

function parts(nodeId: string, prefix: string, tail: number): string[] {
  const shape = tail === 1 ? '<name>' : '<dataset>:<field>';
  const rest = nodeId.slice(prefix.length + 1).split(':');
  if (
    rest.length < tail + 1 ||
    rest.some((p, i) => i >= rest.length - tail && !p)
  ) {
    throw new InputError(
      `nodeId ${JSON.stringify(nodeId)} is not ${prefix}:<namespace>:${shape}`,
    );
  }
  const namespace = rest.slice(0, rest.length - tail).join(':');
  if (!namespace) {
    throw new InputError(`nodeId ${JSON.stringify(nodeId)} has no namespace`);
  }
  const names = rest.slice(rest.length - tail);
  // Read from the end, `dataset:postgres://db` leaves the namespace
  // `postgres` and the name `//db`: the id lacks its last part.
  if (BARE_SCHEME.test(namespace) && names[0].startsWith('//')) {
    const left = names.slice(1).join(':');
    throw new InputError(
      `nodeId ${JSON.stringify(nodeId)} lacks a ${
        tail === 1 ? 'name' : 'field'
      }: the namespace ${JSON.stringify(`${namespace}:${names[0]}`)} leaves ${
        left ? JSON.stringify(left) : 'nothing'
      } for ${shape}`,
    );
  }
  return [namespace, ...names];
}

/**
 * Parses `dataset:<namespace>:<name>`, `job:<namespace>:<name>` or
 * `datasetField:<namespace>:<dataset>:<field>`.
 * @throws InputError (400) for any other shape.
 */
export function parseNodeId(
  nodeId: string,
): NodeRef | (FieldRef & { type: 'datasetField' }) {
  const type = nodeId.slice(0, nodeId.indexOf(':'));
  if (type === 'dataset' || type === 'job') {
    const [namespace, name] = parts(nodeId, type, 1);
    return { type, namespace, name };
  }
  if (type === 'datasetField') {
    const [namespace, dataset, field] = parts(nodeId, type, 2);
    return { type, namespace, dataset, field };
  }
  throw new InputError(
    `nodeId ${JSON.stringify(
      nodeId,
    )} must start with dataset:, job: or datasetField:`,
  );
}
