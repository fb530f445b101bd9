import { UserInfoService } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  Allowed,
  ANY_SIGNED_IN_USER,
  permissionTable,
  PermissionTable,
  PLATFORM_TEAM,
  templateRunners,
} from './permissionTable';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

// Entity refs compare case-insensitively in Backstage.
const normalize = (ref: string) => ref.toLocaleLowerCase('en-US');

type Row = typeof ANY_SIGNED_IN_USER | Set<string>;

// A Map, so a name such as "constructor" never finds an inherited member.
const rowsOf = (table: PermissionTable) =>
  new Map<string, Row>(
    Object.entries(table).map(([name, allowed]: [string, Allowed]) => [
      name,
      allowed === ANY_SIGNED_IN_USER
        ? ANY_SIGNED_IN_USER
        : new Set(allowed.map(normalize)),
    ]),
  );

const admits = (row: Row, refs: Set<string>) =>
  row === ANY_SIGNED_IN_USER || [...row].some(ref => refs.has(ref));

/**
 * Decides by the tables in ./permissionTable.ts and the caller's catalog
 * groups. Only users reach a policy: Backstage's permissions service answers
 * for service principals (other plugins, external access tokens) itself, from
 * their `accessRestrictions`, without asking the policy.
 *
 * Every decision is ALLOW or DENY except `catalog.entity.read` for a user
 * outside the platform team: a conditional decision that hides the templates
 * they may not run (every entity that is not a Template stays readable).
 */
export class ScoutPermissionPolicy implements PermissionPolicy {
  readonly #rows = rowsOf(permissionTable);
  readonly #templates = [...rowsOf(templateRunners)].map(([ref, row]) => ({
    name: parseEntityRef(ref).name,
    row,
  }));
  readonly #userInfo: UserInfoService;

  constructor(options: { userInfo: UserInfoService }) {
    this.#userInfo = options.userInfo;
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const allowed = this.#rows.get(request.permission.name);
    if (!user || !allowed) {
      return DENY;
    }
    const isEntityRead =
      request.permission.name === catalogEntityReadPermission.name;
    if (allowed === ANY_SIGNED_IN_USER && !isEntityRead) {
      return ALLOW;
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    const refs = new Set(ownershipEntityRefs.map(normalize));
    if (!admits(allowed, refs)) return DENY;
    return isEntityRead ? this.#entityRead(refs) : ALLOW;
  }

  #entityRead(refs: Set<string>): PolicyDecision {
    // The platform team keeps the templates: it sees every one, listed or not.
    if (refs.has(normalize(PLATFORM_TEAM))) return ALLOW;
    const runnable = this.#templates.filter(t => admits(t.row, refs));
    const { isEntityKind, hasMetadata } = catalogConditions;
    return createCatalogConditionalDecision(catalogEntityReadPermission, {
      anyOf: [
        { not: isEntityKind({ kinds: ['Template'] }) },
        ...runnable.map(t => hasMetadata({ key: 'name', value: t.name })),
      ],
    });
  }
}
