import { DEV_JWT_SECRET } from '@internal/backstage-plugin-scout-node';
import { type Command, parseFlags, UsageError } from '../command.ts';
import { parseDuration } from '../duration.ts';
import { configuredSecret, signToken } from '../signToken.ts';

const ROLES = ['anon', 'authenticated', 'service_role'];

const usage = `Usage: scout token --role <anon|authenticated|service_role> [--ttl 1h] [--secret S] [--audience A] [--issuer I]

Prints an HS256 JWT for calling the edge functions (e.g. ingest-transaction
needs service_role). Claims: role, sub "scout-cli", aud, iat, exp, and iss
with --issuer. Every token expires: the functions refuse one without exp.

Options:
  --role R         anon, authenticated or service_role (required)
  --ttl T          lifetime: 90s, 15m, 1h, 7d (default 1h)
  --secret S       signing secret (default: env SCOUT_JWT_SECRET, else the dev default)
  --audience A     aud claim (default scout)
  --issuer I       iss claim, for a backend with scout.functions.issuer set
`;

/** `scout token`: a bearer token signed with the (dev) shared secret. */
export const tokenCommand: Command = {
  name: 'token',
  summary: 'Print a signed JWT for the edge functions',
  usage,
  async run(args) {
    const { values } = parseFlags({
      args,
      options: {
        role: { type: 'string' },
        ttl: { type: 'string', default: '1h' },
        secret: { type: 'string' },
        audience: { type: 'string', default: 'scout' },
        issuer: { type: 'string' },
      },
    });
    const { role, audience, issuer } = values;
    if (role === undefined || !ROLES.includes(role)) {
      throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    }
    const ttl = parseDuration(values.ttl);
    if (ttl === undefined)
      throw new UsageError(
        `--ttl must look like 90s, 15m, 1h or 7d, got "${values.ttl}"`,
      );
    if (audience === '') throw new UsageError('--audience must not be empty');
    if (issuer === '') throw new UsageError('--issuer must not be empty');

    if (values.secret === '')
      throw new UsageError('--secret must not be empty');
    let secret = values.secret ?? configuredSecret();
    if (secret === undefined) {
      process.stderr.write(
        `scout token: warning: signing with the development secret "${DEV_JWT_SECRET}"; set --secret or SCOUT_JWT_SECRET for anything else\n`,
      );
      secret = DEV_JWT_SECRET;
    }

    const token = await signToken({
      role,
      secret,
      audience,
      issuer,
      ttlSeconds: ttl,
    });
    process.stdout.write(`${token}\n`);
  },
};
