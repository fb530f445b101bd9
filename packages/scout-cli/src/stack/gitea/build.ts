import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runLong } from '../longRun.ts';
import { findOnPath } from '../monitoring.ts';
import { machineCache } from '../paths.ts';

const run = promisify(execFile);

/** The module that Gitea is built from (its main package). */
export const GITEA_MODULE = 'code.gitea.io/gitea';

/**
 * This folder, a Go module of its own that only requires Gitea: Gitea's
 * go.mod has `replace` directives, which `go install module@version`
 * refuses, so the build goes through a module that repeats them. Its go.mod
 * pins the version; go.sum pins every dependency.
 */
export const wrapperDir = (root: string) =>
  join(root, 'packages', 'scout-cli', 'src', 'stack', 'gitea');

/** The version of GITEA_MODULE that a go.mod requires (v1.26.0). */
export function giteaVersion(goMod: string): string {
  const escaped = GITEA_MODULE.replaceAll('.', '\\.');
  const match = goMod.match(
    new RegExp(`^\\s*(?:require\\s+)?${escaped}\\s+(v\\S+)`, 'm'),
  );
  if (!match) throw new Error(`go.mod does not require ${GITEA_MODULE}`);
  return match[1];
}

/**
 * Where a Gitea build lives: go-bin/gitea-<version> in the machine's cache,
 * beside Sloth, for every clone on the machine.
 */
export const giteaBinary = (
  version: string,
  env: NodeJS.ProcessEnv = process.env,
) => join(machineCache(env), 'go-bin', `gitea-${version}`);

/** The `go` on `path`, or an error saying what needs it. */
export function requireGo(path: string | undefined, version: string): string {
  const go = findOnPath(['go'], path ?? '');
  if (!go) {
    throw new Error(
      `go is not on PATH: the stack builds Gitea ${version} from the Go module proxy with it (Go 1.26 or newer, https://go.dev/dl)`,
    );
  }
  return go;
}

/**
 * What a failed `go build` most likely needs, from the end of its output:
 * the module proxy, a C compiler (SQLite is cgo), or the output itself.
 */
export function explainBuildFailure(
  version: string,
  code: number | null,
  output: string,
  proxy = 'GOPROXY',
): string {
  const tail = output.trimEnd().split('\n').slice(-15).join('\n');
  const what = `go build of Gitea ${version} failed (exit code ${code})`;
  if (/C compiler .* not found|exec: "(gcc|cc)"/.test(output)) {
    return `${what}: cgo needs a C compiler for SQLite (apt-get install gcc):\n${tail}`;
  }
  if (
    /proxy\.golang\.org|dial tcp|lookup .* no such host|\b(403|404|410) (Forbidden|Not Found|Gone)|verifying module|missing go\.sum entry/.test(
      output,
    )
  ) {
    return `${what}: the Go module proxy (${proxy}) did not serve a module it needs:\n${tail}`;
  }
  return `${what}:\n${tail}`;
}

/**
 * Gitea's binary for the version the wrapper's go.mod requires, built once
 * (with SQLite, cgo) into the machine cache's go-bin and reused. With Go's
 * module and build caches warm a build takes about 25 s, from a cold cache
 * about 8.5 min on 2 cores. Written under a temporary name and renamed, so a
 * binary in place is always complete.
 */
export async function ensureGiteaBinary(
  root: string,
  env: Record<string, string | undefined>,
  log: (line: string) => void,
): Promise<string> {
  const dir = wrapperDir(root);
  const version = giteaVersion(await readFile(join(dir, 'go.mod'), 'utf8'));
  const binary = giteaBinary(version, env);
  if (existsSync(binary)) return binary;
  const go = requireGo(env.PATH, version);
  log(
    `building Gitea ${version} from the Go module proxy into ${binary} (about 25 s with Go's caches warm, 8-9 min cold)`,
  );
  await mkdir(join(binary, '..'), { recursive: true });
  const partial = `${binary}.${process.pid}.partial`;
  const started = Date.now();
  try {
    const {
      code,
      output,
      count: packages,
    } = await runLong(
      go,
      [
        'build',
        '-v',
        '-tags',
        'sqlite sqlite_unlock_notify',
        // What /api/v1/version and `gitea --version` report.
        '-ldflags',
        `-X main.Version=${version.replace(/^v/, '')}`,
        '-o',
        partial,
        GITEA_MODULE,
      ],
      {
        cwd: dir,
        env: { ...env, CGO_ENABLED: '1' },
        // -v names each package as it is compiled (cached ones are not named).
        counts: line => /^[\w.-]+\//.test(line),
        progress: (seconds, count) =>
          `building gitea: ${seconds} s, ${count} packages compiled so far`,
        log,
      },
    );
    if (code !== 0) {
      throw new Error(
        explainBuildFailure(version, code, output, env.GOPROXY || 'GOPROXY'),
      );
    }
    await rename(partial, binary);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `Gitea ${version} built in ${seconds} s (${
        packages ? `${packages} package(s) compiled, the rest` : 'all'
      } from Go's build cache)`,
    );
  } finally {
    await rm(partial, { force: true });
  }
  return binary;
}

/**
 * Gitea's source folder in Go's module cache (downloaded if it is not
 * there): this build embeds no assets, so Gitea reads its options,
 * templates and public files from it (STATIC_ROOT_PATH).
 */
export async function giteaSources(
  root: string,
  env: Record<string, string | undefined>,
): Promise<string> {
  const dir = wrapperDir(root);
  const version = giteaVersion(await readFile(join(dir, 'go.mod'), 'utf8'));
  const go = requireGo(env.PATH, version);
  try {
    const { stdout } = await run(
      go,
      ['mod', 'download', '-json', `${GITEA_MODULE}@${version}`],
      { cwd: dir, env: env as NodeJS.ProcessEnv, maxBuffer: 2 ** 20 },
    );
    const { Dir } = JSON.parse(stdout) as { Dir?: string };
    if (!Dir) throw new Error(`go mod download named no folder: ${stdout}`);
    return Dir;
  } catch (error) {
    const e = error as { stdout?: string; message: string };
    throw new Error(
      `go mod download ${GITEA_MODULE}@${version} failed (Gitea's templates and options): ${
        e.stdout?.trim() || e.message
      }`,
    );
  }
}
