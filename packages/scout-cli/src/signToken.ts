import { DEV_JWT_SECRET } from '@internal/backstage-plugin-scout-node';
import { SignJWT } from 'jose';

/** The secret from SCOUT_JWT_SECRET (an empty value counts as unset), if any. */
export function configuredSecret(): string | undefined {
  return process.env.SCOUT_JWT_SECRET || undefined;
}

/**
 * An HS256 token for the edge functions; the dev secret when none is given.
 * It always expires (the functions refuse tokens without exp), by default
 * after an hour; `issuer` sets iss.
 */
export function signToken(options: {
  role: string;
  secret?: string;
  audience?: string;
  issuer?: string;
  ttlSeconds?: number;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ role: options.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('scout-cli')
    .setAudience(options.audience ?? 'scout')
    .setIssuedAt(now)
    .setExpirationTime(now + (options.ttlSeconds ?? 3600));
  if (options.issuer) jwt.setIssuer(options.issuer);
  return jwt.sign(new TextEncoder().encode(options.secret ?? DEV_JWT_SECRET));
}
