import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  JSONWebKeySet,
  jwtVerify,
  JWTPayload,
  JWTVerifyGetKey,
} from 'jose';
import { HttpError } from './http';

/** How callers prove who they are: a shared HS256 secret or a JWKS. */
export type JwtOptions = {
  audience: string;
  /** When set, tokens must carry exactly this `iss`. */
  issuer?: string;
  secret?: string;
  jwksUrl?: string;
  jwks?: JSONWebKeySet;
};

export type Verifier = (authorization: string | null) => Promise<JWTPayload>;

/** Builds a verifier for `Authorization: Bearer <JWT>` headers. */
export function createVerifier(options: JwtOptions): Verifier {
  const verify = tokenVerifier(options);
  return async authorization => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new HttpError(401, 'Missing bearer token.');
    try {
      return await verify(match[1]);
    } catch (e) {
      if (e instanceof errors.JWTExpired)
        throw new HttpError(401, 'The token has expired.');
      if (e instanceof errors.JWTClaimValidationFailed)
        throw new HttpError(401, claimRefusal(e));
      throw new HttpError(401, 'The token is not valid.');
    }
  };
}

function claimRefusal(e: errors.JWTClaimValidationFailed): string {
  if (e.reason !== 'missing')
    return `The token's ${e.claim} claim is not accepted.`;
  if (e.claim === 'exp')
    return 'The token has no exp claim; tokens must expire.';
  return `The token has no ${e.claim} claim, which is required.`;
}

function tokenVerifier(
  options: JwtOptions,
): (token: string) => Promise<JWTPayload> {
  // A token without exp would be valid forever; jose also requires iss
  // whenever an issuer is given.
  const claims = {
    audience: options.audience,
    issuer: options.issuer || undefined,
    requiredClaims: ['exp'],
  };
  if (options.secret) {
    const key = new TextEncoder().encode(options.secret);
    return async token =>
      (await jwtVerify(token, key, { ...claims, algorithms: ['HS256'] }))
        .payload;
  }
  let jwks: JWTVerifyGetKey | undefined;
  if (options.jwks) jwks = createLocalJWKSet(options.jwks);
  else if (options.jwksUrl) jwks = createRemoteJWKSet(new URL(options.jwksUrl));
  if (!jwks)
    throw new Error('JWT verification needs a secret, a JWKS or a JWKS URL.');
  const keys = jwks;
  return async token =>
    (
      await jwtVerify(token, keys, {
        ...claims,
        algorithms: ['RS256', 'ES256', 'EdDSA'],
      })
    ).payload;
}

/** service_role, or a scope claim that lists the given scope. */
export function requireRoleOrScope(claims: JWTPayload, scope: string): void {
  if (claims.role === 'service_role') return;
  const scopes =
    typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(scope)) {
    throw new HttpError(
      403,
      `The token needs the service_role role or the ${scope} scope.`,
    );
  }
}
