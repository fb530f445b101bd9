import { InputError } from '@backstage/errors';
import { LAKEHOUSE_IDENTIFIER } from '@internal/backstage-plugin-lakehouse-common';

/** A Nessie branch or tag name, as the API spec allows it. */
export const REF_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** An Iceberg snapshot id: a signed 64-bit integer, here never negative. */
const MAX_SNAPSHOT_ID = 2n ** 63n - 1n;

/**
 * Checks a catalog, namespace or table name before it gets anywhere near
 * SQL or a path. The router's OpenAPI validation already did; this keeps
 * the engines safe on their own.
 */
export function assertIdentifier(kind: string, value: string): string {
  if (typeof value !== 'string' || !LAKEHOUSE_IDENTIFIER.test(value)) {
    throw new InputError(
      `${kind} must be a lower-case identifier (a-z, 0-9, _; at most 128 characters)`,
    );
  }
  return value;
}

export function assertRef(value: string): string {
  if (typeof value !== 'string' || !REF_NAME.test(value)) {
    throw new InputError(`"${value}" is not a branch or tag name`);
  }
  return value;
}

/** The snapshot id as a decimal literal, checked to be one. */
export function assertSnapshotId(value: string): string {
  if (!/^[0-9]{1,20}$/.test(value) || BigInt(value) > MAX_SNAPSHOT_ID) {
    throw new InputError(
      'snapshot must be an Iceberg snapshot id (a 64-bit integer)',
    );
  }
  return BigInt(value).toString();
}
