import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';

/**
 * The Trino user a caller's preview runs as, so Trino's access control and
 * query log see the person, not the portal: the name of their user entity
 * (`user:default/jane.doe` -> `jane.doe`), with the namespace when it is
 * not the default one (`user:ops/sam` -> `sam@ops`; entity names hold no
 * `@`, so the two forms cannot collide).
 */
export function trinoUser(
  credentials: BackstageCredentials<BackstageUserPrincipal>,
): string {
  const ref = credentials.principal.userEntityRef;
  const [, namespace, name] = /^[^:]+:(?:([^/]+)\/)?(.+)$/.exec(ref) ?? [];
  if (!name) return ref;
  return !namespace || namespace === 'default' ? name : `${name}@${namespace}`;
}
