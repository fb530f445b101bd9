import { UserInfoService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { ANY_SIGNED_IN_USER, permissionTable } from './permissionTable';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

// Entity refs compare case-insensitively in Backstage.
const normalize = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Decides by the table in ./permissionTable.ts and the caller's catalog
 * groups. Only users reach a policy: Backstage's permissions service answers
 * for service principals (other plugins, external access tokens) itself, from
 * their `accessRestrictions`, without asking the policy.
 */
export class ScoutPermissionPolicy implements PermissionPolicy {
  readonly #rows: Map<string, typeof ANY_SIGNED_IN_USER | Set<string>>;
  readonly #userInfo: UserInfoService;

  constructor(options: { userInfo: UserInfoService }) {
    this.#userInfo = options.userInfo;
    // A Map, so a name such as "constructor" never finds an inherited member.
    this.#rows = new Map(
      Object.entries(permissionTable).map(([name, allowed]) => [
        name,
        allowed === ANY_SIGNED_IN_USER
          ? ANY_SIGNED_IN_USER
          : new Set(allowed.map(normalize)),
      ]),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const allowed = this.#rows.get(request.permission.name);
    if (!user || !allowed) {
      return DENY;
    }
    if (allowed === ANY_SIGNED_IN_USER) {
      return ALLOW;
    }
    const { ownershipEntityRefs } = await this.#userInfo.getUserInfo(
      user.credentials,
    );
    return ownershipEntityRefs.some(ref => allowed.has(normalize(ref)))
      ? ALLOW
      : DENY;
  }
}
