import { existsSync } from 'node:fs';
import {
  mkdir,
  mkdtemp,
  readdir,
  readlink,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureKeycloakBuild,
  keycloakBuildHome,
  linkKeycloakHome,
} from './keycloakBuild.ts';

describe('keycloakBuildHome', () => {
  it('names one build per distribution and conf template', () => {
    const home = keycloakBuildHome('/c/keycloak-26.7.3', 'db=dev-mem\n');
    expect(home).toMatch(/^\/c\/keycloak-26\.7\.3-built-[0-9a-f]{12}$/);
    expect(keycloakBuildHome('/c/keycloak-26.7.3', 'db=dev-mem\n')).toBe(home);
    expect(keycloakBuildHome('/c/keycloak-26.7.3', 'db=dev-file\n')).not.toBe(
      home,
    );
    expect(keycloakBuildHome('/c/keycloak-26.8.0', 'db=dev-mem\n')).not.toBe(
      home,
    );
  });
});

describe('ensureKeycloakBuild and linkKeycloakHome', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scout-keycloak-build-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** A distribution whose kc.sh "builds" by writing the marker, or fails. */
  async function distribution(kcSh: string) {
    const home = join(dir, 'keycloak-1.0.0');
    for (const folder of ['bin', 'conf', 'lib', 'providers', 'themes']) {
      await mkdir(join(home, folder), { recursive: true });
    }
    await writeFile(join(home, 'bin', 'kc.sh'), kcSh);
    return home;
  }
  const building = `here=$(dirname "$0")/..
grep -q '^db=dev-mem$' "$here/conf/keycloak.conf" || exit 3
mkdir -p "$here/lib/quarkus" && touch "$here/lib/quarkus/quarkus-application.dat"`;

  it('builds a copy with the rendered conf, leaves the distribution as shipped, and reuses the build', async () => {
    const shipped = await distribution(building);
    const lines: string[] = [];
    const options = {
      distribution: shipped,
      confTemplate: 'db=${DB}\n',
      conf: 'db=dev-mem\n',
      java: 'java',
      log: (line: string) => lines.push(line),
    };
    const built = await ensureKeycloakBuild(options);
    expect(built).toBe(keycloakBuildHome(shipped, 'db=${DB}\n'));
    expect(
      existsSync(join(built, 'lib', 'quarkus', 'quarkus-application.dat')),
    ).toBe(true);
    expect(existsSync(join(shipped, 'lib', 'quarkus'))).toBe(false);
    expect(lines).toHaveLength(1);
    // Built once: the second call finds it and says nothing.
    await expect(ensureKeycloakBuild(options)).resolves.toBe(built);
    expect(lines).toHaveLength(1);

    const state = join(dir, 'state', 'keycloak');
    await linkKeycloakHome(state, built);
    await linkKeycloakHome(state, built);
    expect(await readlink(join(state, 'lib'))).toBe(join(built, 'lib'));
    expect(await readlink(join(state, 'themes'))).toBe(join(built, 'themes'));
    // Linking again replaced the links, not what they point to.
    expect(
      existsSync(join(built, 'lib', 'quarkus', 'quarkus-application.dat')),
    ).toBe(true);
  });

  it("says why a build failed, with kc.sh's last lines, and leaves no partial build", async () => {
    const shipped = await distribution('echo "ERROR: no such option"; exit 2');
    await expect(
      ensureKeycloakBuild({
        distribution: shipped,
        confTemplate: 'db=dev-mem\n',
        conf: 'db=dev-mem\n',
        java: 'java',
        log: () => {},
      }),
    ).rejects.toThrow(/kc\.sh build failed: ERROR: no such option/);
    expect(existsSync(keycloakBuildHome(shipped, 'db=dev-mem\n'))).toBe(false);
    expect(await readdir(dir)).toEqual(['keycloak-1.0.0']);
  });
});
