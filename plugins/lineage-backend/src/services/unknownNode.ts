import { InputError, NotFoundError } from '@backstage/errors';
import type { Knex } from 'knex';
import {
  datasetNodeId,
  fieldNodeId,
  type FieldRef,
  jobNodeId,
  type NodeRef,
} from '../request/nodeId';

const q = JSON.stringify;

/**
 * Why a parsed node id found nothing. Names and fields hold no colon, so
 * the parser reads them from the end and gives the rest to the namespace:
 * an id that lacks its last part still parses, one part off
 * (`datasetField:trino://h:8080:t` is field `t` of dataset `8080` in
 * `trino://h`). When the part given back to the namespace makes a stored
 * node, the id lacks its last part: a 400 that says so. Otherwise a 404
 * naming what was looked for, and the id's shape. A dataset found here
 * (asked for its fields) has none recorded.
 */
export async function unknownNodeError(
  db: Knex,
  node: NodeRef | (FieldRef & { type: 'datasetField' }),
): Promise<Error> {
  const has = async (table: string, where: Record<string, string>) =>
    Boolean(await db(table).where(where).first('id'));
  const ns = q(node.namespace);
  if (node.type === 'datasetField') {
    const { namespace, dataset, field } = node;
    const [ds, f] = [q(dataset), q(field)];
    if (await has('lineage_datasets', { namespace, name: dataset })) {
      return new NotFoundError(
        `dataset ${ds} in namespace ${ns} has no field ${f}`,
      );
    }
    const shifted = `${namespace}:${dataset}`;
    if (await has('lineage_datasets', { namespace: shifted, name: field })) {
      const id = q(fieldNodeId(node));
      const whole = q(datasetNodeId(shifted, field));
      return new InputError(
        `nodeId ${id} lacks a field: ${whole} is a dataset, whose fields are datasetField:${shifted}:${field}:<field>`,
      );
    }
    return new NotFoundError(
      `no dataset ${ds} in namespace ${ns} (looked for its field ${f}): a field's id is datasetField:<namespace>:<dataset>:<field>, whose last two parts are the dataset and the field`,
    );
  }
  const { type, namespace, name } = node;
  const n = q(name);
  const table = type === 'dataset' ? 'lineage_datasets' : 'lineage_jobs';
  if (type === 'dataset' && (await has(table, { namespace, name }))) {
    return new NotFoundError(
      `dataset ${n} in namespace ${ns} has no fields recorded`,
    );
  }
  const shifted = `${namespace}:${name}`;
  if (await has(table, { namespace: shifted })) {
    const nodeId = type === 'dataset' ? datasetNodeId : jobNodeId;
    const [id, whole] = [q(nodeId(namespace, name)), q(shifted)];
    return new InputError(
      `nodeId ${id} lacks a name: ${whole} is a namespace, whose ${type}s are ${type}:${shifted}:<name>`,
    );
  }
  return new NotFoundError(
    `no ${type} ${n} in namespace ${ns}: a ${type}'s id is ${type}:<namespace>:<name>, whose last part is the name`,
  );
}
