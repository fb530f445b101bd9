import { findJavaHome, javaMajorFromRelease } from './java.ts';

describe('javaMajorFromRelease', () => {
  it('reads the feature version', () => {
    expect(
      javaMajorFromRelease('IMPLEMENTOR="Eclipse"\nJAVA_VERSION="25.0.3"\n'),
    ).toBe(25);
    expect(javaMajorFromRelease('JAVA_VERSION="17.0.15"')).toBe(17);
    expect(javaMajorFromRelease('JAVA_VERSION="25"')).toBe(25);
    expect(javaMajorFromRelease('JAVA_VERSION="1.8.0_402"')).toBe(8);
    expect(javaMajorFromRelease('nothing')).toBeUndefined();
  });
});

describe('findJavaHome', () => {
  const majors: Record<string, number> = {
    '/usr/lib/jvm/java-17-openjdk-amd64': 17,
    '/usr/lib/jvm/temurin-25-jdk-amd64': 25,
    '/opt/jdk26': 26,
    '/opt/jdk21': 21,
  };
  const lookup = (env: Record<string, string>) => ({
    env,
    majorOf: (home: string) => majors[home],
    installed: () => [
      '/usr/lib/jvm/java-17-openjdk-amd64',
      '/usr/lib/jvm/temurin-25-jdk-amd64',
    ],
  });

  it('takes SCOUT_JAVA_HOME first', () => {
    expect(findJavaHome(lookup({ SCOUT_JAVA_HOME: '/opt/jdk26' }))).toBe(
      '/opt/jdk26',
    );
  });

  it('refuses a SCOUT_JAVA_HOME older than 25', () => {
    expect(() =>
      findJavaHome(lookup({ SCOUT_JAVA_HOME: '/opt/jdk21' })),
    ).toThrow('SCOUT_JAVA_HOME=/opt/jdk21 is Java 21');
  });

  it('takes JAVA_HOME only when it is 25 or newer', () => {
    expect(findJavaHome(lookup({ JAVA_HOME: '/opt/jdk26' }))).toBe(
      '/opt/jdk26',
    );
    expect(findJavaHome(lookup({ JAVA_HOME: '/opt/jdk21' }))).toBe(
      '/usr/lib/jvm/temurin-25-jdk-amd64',
    );
  });

  it('says where it looked when there is none', () => {
    expect(() =>
      findJavaHome({ env: {}, majorOf: () => 17, installed: () => [] }),
    ).toThrow(/no Java 25 found .*SCOUT_JAVA_HOME/);
  });
});
