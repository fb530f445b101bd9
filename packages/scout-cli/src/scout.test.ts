import { jwtVerify } from 'jose';
import { transactionSchema } from '@internal/backstage-plugin-scout-common';
import { runScout as scout, ScoutRun as Run } from './testing/runScout';

/** stderr without Node's notice that the package.json has no "type". */
function errors(run: Run): string {
  return run.stderr
    .split('\n')
    .filter(
      line =>
        line &&
        !/MODULE_TYPELESS_PACKAGE_JSON|Reparsing as ES module|add "type": "module"|--trace-warnings/.test(
          line,
        ),
    )
    .join('\n');
}

describe('scout CLI', () => {
  jest.setTimeout(60_000);

  it('generates N valid NDJSON lines, the same for the same seed', async () => {
    const args = [
      'generate',
      'transactions',
      '--count',
      '500',
      '--seed',
      '7',
      '--end',
      '2026-11-27',
    ];
    // One the documented way; one at a time, as ./scripts/yarn rewrites its
    // yarn shim on every start.
    const first = await scout(args, { viaYarn: true });
    const second = await scout(args);
    expect(errors(first)).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    for (const line of lines)
      expect(transactionSchema.safeParse(JSON.parse(line)).success).toBe(true);
    expect(second.stdout).toBe(first.stdout);
  });

  it('stops quietly when the reader goes away', async () => {
    const run = await scout(
      ['generate', 'transactions', '--count', '100000000'],
      { pipeTo: 'head -n 3' },
    );
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(errors(run)).toBe('');
    expect(run.code).toBe(0);
  });

  it('prints a token that verifies with the secret, audience and role', async () => {
    const secret = 'a-test-secret-of-decent-length';
    const run = await scout(
      ['token', '--role', 'service_role', '--ttl', '15m'],
      { env: { SCOUT_JWT_SECRET: secret } },
    );
    expect(run.code).toBe(0);
    expect(errors(run)).toBe('');
    const { payload, protectedHeader } = await jwtVerify(
      run.stdout.trim(),
      new TextEncoder().encode(secret),
      {
        audience: 'scout',
        algorithms: ['HS256'],
      },
    );
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload).toMatchObject({
      role: 'service_role',
      sub: 'scout-cli',
      aud: 'scout',
    });
    expect(payload.exp! - payload.iat!).toBe(900);
  });

  it('warns when signing with the development secret, and honours --secret, --audience and --issuer', async () => {
    const dev = await scout(['token', '--role', 'anon'], {
      env: { SCOUT_JWT_SECRET: '' },
    });
    expect(dev.code).toBe(0);
    expect(errors(dev)).toContain('development secret');
    await jwtVerify(
      dev.stdout.trim(),
      new TextEncoder().encode('scout-dev-secret-change-me'),
      { audience: 'scout' },
    );

    const explicit = await scout([
      'token',
      '--role',
      'authenticated',
      '--secret',
      's3cret',
      '--audience',
      'elsewhere',
      '--issuer',
      'https://issuer.test',
    ]);
    const { payload } = await jwtVerify(
      explicit.stdout.trim(),
      new TextEncoder().encode('s3cret'),
      {
        audience: 'elsewhere',
        issuer: 'https://issuer.test',
        requiredClaims: ['exp'],
      },
    );
    expect(payload.role).toBe('authenticated');
  });

  it('prints usage for --help and exits 2 on unknown commands and flags', async () => {
    const help = await scout(['--help']);
    const commandHelp = await scout(['generate', '--help']);
    const unknownCommand = await scout(['deploy']);
    const unknownFlag = await scout([
      'generate',
      'transactions',
      '--count',
      '1',
      '--colour',
      'red',
    ]);
    const badRole = await scout(['token', '--role', 'root']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/generate[\s\S]*token/);
    expect(commandHelp.code).toBe(0);
    expect(commandHelp.stdout).toContain(
      'scout generate transactions --count N',
    );
    expect(unknownCommand.code).toBe(2);
    expect(errors(unknownCommand)).toContain('unknown command "deploy"');
    expect(unknownFlag.code).toBe(2);
    expect(errors(unknownFlag)).toContain('--colour');
    expect(badRole.code).toBe(2);
  });
});
