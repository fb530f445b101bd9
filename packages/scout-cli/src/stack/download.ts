import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Maven coordinates of one file: group:artifact:version[:classifier]@extension. */
export type MavenArtifact = {
  group: string;
  artifact: string;
  version: string;
  classifier?: string;
  extension: string;
};

export const DEFAULT_MAVEN_REPO = 'https://repo.maven.apache.org/maven2';

/** The file's URL in a Maven repository layout. */
export function mavenUrl(repo: string, a: MavenArtifact): string {
  const file = `${a.artifact}-${a.version}${
    a.classifier ? `-${a.classifier}` : ''
  }.${a.extension}`;
  return `${repo.replace(/\/+$/, '')}/${a.group.replaceAll('.', '/')}/${
    a.artifact
  }/${a.version}/${file}`;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/**
 * Downloads `url` into `dir` unless the file is already there, checking it
 * against the repository's .sha1. It is written under a temporary name and
 * renamed once verified, so a file in `dir` is always complete.
 */
export async function downloadVerified(
  url: string,
  dir: string,
  log: (line: string) => void,
): Promise<string> {
  const target = join(dir, basename(new URL(url).pathname));
  if (existsSync(target)) return target;
  await mkdir(dir, { recursive: true });
  const expected = (await fetchText(`${url}.sha1`)).trim().split(/\s+/)[0];
  const response = await fetch(url);
  if (!response.ok || !response.body) {
    throw new Error(`download of ${url} failed: HTTP ${response.status}`);
  }
  const size = Number(response.headers.get('content-length') ?? 0);
  const name = basename(target);
  log(`downloading ${name}${size ? ` (${mib(size)})` : ''} from ${url}`);
  const started = Date.now();
  const hash = createHash('sha1');
  let received = 0;
  let reported = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      received += chunk.length;
      // A line at every quarter: enough to see it move, quiet in a log.
      const quarter = size ? Math.floor((received / size) * 4) : 0;
      if (quarter > reported && quarter < 4) {
        reported = quarter;
        log(`  ${name}: ${quarter * 25}% of ${mib(size)}`);
      }
      done(null, chunk);
    },
  });
  const partial = `${target}.${process.pid}.partial`;
  try {
    await pipeline(
      Readable.fromWeb(
        response.body as import('node:stream/web').ReadableStream,
      ),
      meter,
      createWriteStream(partial),
    );
    const actual = hash.digest('hex');
    if (actual !== expected) {
      throw new Error(
        `${name}: SHA-1 ${actual} does not match the repository's ${expected}`,
      );
    }
    await rename(partial, target);
  } finally {
    await rm(partial, { force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  log(`  ${name}: ${mib(received)} in ${seconds.toFixed(1)} s`);
  return target;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(
      `${url}: HTTP ${response.status}; is this version published on Maven Central?`,
    );
  }
  return response.text();
}
