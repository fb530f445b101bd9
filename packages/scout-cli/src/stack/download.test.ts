import { artifacts, stackVersions } from './artifacts.ts';
import { DEFAULT_MAVEN_REPO, mavenUrl } from './download.ts';

describe('mavenUrl', () => {
  it('lays out group, artifact, version and classifier', () => {
    expect(mavenUrl(`${DEFAULT_MAVEN_REPO}/`, artifacts.nessie('0.99.0'))).toBe(
      'https://repo.maven.apache.org/maven2/org/projectnessie/nessie/nessie-quarkus/0.99.0/nessie-quarkus-0.99.0-runner.jar',
    );
    expect(mavenUrl('https://m.example/repo', artifacts.trino('476'))).toBe(
      'https://m.example/repo/io/trino/trino-server/476/trino-server-476.tar.gz',
    );
    expect(mavenUrl(DEFAULT_MAVEN_REPO, artifacts.keycloak('26.7.3'))).toBe(
      'https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/26.7.3/keycloak-quarkus-dist-26.7.3.zip',
    );
  });
});

describe('stackVersions', () => {
  it('has defaults and takes overrides', () => {
    expect(stackVersions({})).toMatchObject({
      trino: '476',
      nessie: '0.99.0',
      s3proxy: '4.1.0',
      keycloak: '26.7.3',
    });
    expect(stackVersions({ SCOUT_TRINO_VERSION: '480' }).trino).toBe('480');
  });

  it('rejects a malformed version', () => {
    expect(() => stackVersions({ SCOUT_NESSIE_VERSION: 'latest' })).toThrow(
      /SCOUT_NESSIE_VERSION/,
    );
  });
});
