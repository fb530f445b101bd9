import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Trino 47x/48x needs Java 24 or newer; the contract asks for 25. */
export const MIN_JAVA = 25;

/** The feature version from a JDK's `release` file (JAVA_VERSION="25.0.3"), or undefined. */
export function javaMajorFromRelease(text: string): number | undefined {
  const match = /^JAVA_VERSION="(\d+)(?:\.\d+)*[^"]*"/m.exec(text);
  if (!match) return undefined;
  // Java 8 and older call themselves 1.x.
  return match[1] === '1'
    ? Number(/^JAVA_VERSION="1\.(\d+)/m.exec(text)?.[1])
    : Number(match[1]);
}

export type JavaLookup = {
  env: Record<string, string | undefined>;
  /** The feature version of the JDK at `home`, or undefined when it is not one. */
  majorOf(home: string): number | undefined;
  /** Folders under /usr/lib/jvm. */
  installed(): string[];
};

/**
 * Java 25 by the contract's rule: $SCOUT_JAVA_HOME (must be >= 25), else
 * $JAVA_HOME when it is >= 25, else the first /usr/lib/jvm/*25*.
 * Returns the JDK folder.
 */
export function findJavaHome(lookup: JavaLookup): string {
  const { SCOUT_JAVA_HOME: forced, JAVA_HOME: javaHome } = lookup.env;
  if (forced) {
    const major = lookup.majorOf(forced);
    if (major === undefined || major < MIN_JAVA) {
      throw new Error(
        `SCOUT_JAVA_HOME=${forced} is ${
          major === undefined ? 'not a JDK' : `Java ${major}`
        }; Trino needs Java ${MIN_JAVA} or newer`,
      );
    }
    return forced;
  }
  if (javaHome && (lookup.majorOf(javaHome) ?? 0) >= MIN_JAVA) return javaHome;
  const candidate = lookup
    .installed()
    .filter(home => basename(home).includes('25'))
    .sort()
    .find(home => (lookup.majorOf(home) ?? 0) >= MIN_JAVA);
  if (candidate) return candidate;
  throw new Error(
    `no Java ${MIN_JAVA} found (looked at SCOUT_JAVA_HOME, JAVA_HOME=${
      javaHome ?? 'unset'
    } and /usr/lib/jvm/*25*); install a JDK 25 and set SCOUT_JAVA_HOME`,
  );
}

/** The java binary of Java 25 on this machine, found by the contract's rule. */
export function findJava(env = process.env): string {
  const home = findJavaHome({
    env,
    majorOf: dir => {
      const release = join(dir, 'release');
      if (!existsSync(release) || !existsSync(join(dir, 'bin', 'java'))) {
        return undefined;
      }
      return javaMajorFromRelease(readFileSync(release, 'utf8'));
    },
    installed: () => {
      const root = '/usr/lib/jvm';
      return existsSync(root)
        ? readdirSync(root).map(name => join(root, name))
        : [];
    },
  });
  return join(home, 'bin', 'java');
}
