import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, posix } from 'node:path';

/** One instruction of a Dockerfile that shapes the image's files. */
export type DockerStep =
  | { kind: 'workdir'; dir: string }
  | { kind: 'copy'; sources: string[]; dest: string }
  | { kind: 'run'; command: string };

/**
 * The WORKDIR, COPY and RUN steps of a Dockerfile, in order, with line
 * continuations joined and leading `--flag=value` options dropped. Multi-stage
 * copies (`COPY --from=...`) are refused: this layout check follows one
 * stage, the build context and the bundle archives.
 */
export function parseDockerfile(text: string): DockerStep[] {
  const lines = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'));
  const steps: DockerStep[] = [];
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/);
    // Options (--chown, --mount) come before the instruction's arguments.
    const firstArg = rest.findIndex(arg => !arg.startsWith('--'));
    const args = firstArg === -1 ? [] : rest.slice(firstArg);
    switch (instruction.toUpperCase()) {
      case 'WORKDIR':
        steps.push({ kind: 'workdir', dir: args[0] });
        break;
      case 'COPY':
      case 'ADD':
        if (rest.some(arg => arg.startsWith('--from'))) {
          throw new Error(`multi-stage COPY is not followed: ${line}`);
        }
        steps.push({
          kind: 'copy',
          sources: args.slice(0, -1),
          dest: args[args.length - 1],
        });
        break;
      case 'RUN':
        steps.push({ kind: 'run', command: args.join(' ') });
        break;
      default:
    }
  }
  return steps;
}

// `app-config*.yaml`: Docker's globs, as far as this Dockerfile uses them.
function expand(context: string, source: string): string[] {
  if (!source.includes('*')) return [source];
  const dir = posix.dirname(source);
  const pattern = new RegExp(
    `^${posix
      .basename(source)
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  return readdirSync(join(context, dir))
    .filter(name => pattern.test(name))
    .map(name => posix.join(dir, name));
}

/**
 * Lays out the image's files under `root` the way the Dockerfile's COPY
 * steps and its `tar xzf <archive>` RUN steps would, from the build
 * `context` (the repository). Other RUN steps are returned, not run: they
 * install software (apt, pip), which the caller checks by name.
 * Returns the final WORKDIR (the backend's working directory).
 */
export function stageImage(
  steps: DockerStep[],
  context: string,
  root: string,
): { workdir: string; runs: string[] } {
  let workdir = '/';
  const runs: string[] = [];
  const inImage = (path: string) =>
    join(root, posix.resolve(workdir, path).slice(1));
  for (const step of steps) {
    if (step.kind === 'workdir') {
      workdir = posix.resolve(workdir, step.dir);
      mkdirSync(inImage('.'), { recursive: true });
    } else if (step.kind === 'copy') {
      const sources = step.sources.flatMap(source => expand(context, source));
      const intoDir = step.dest.endsWith('/') || sources.length > 1;
      for (const source of sources) {
        const from = join(context, source);
        if (!existsSync(from)) {
          throw new Error(
            `COPY ${source}: not in the build context (was the backend built?)`,
          );
        }
        const to =
          intoDir && !statSync(from).isDirectory()
            ? join(inImage(step.dest), basename(source))
            : inImage(step.dest);
        mkdirSync(dirname(to), { recursive: true });
        cpSync(from, to, { recursive: true });
      }
    } else {
      const tar = step.command.match(/\btar xzf (\S+)/);
      if (tar) {
        execFileSync('tar', ['xzf', tar[1]], { cwd: inImage('.') });
      } else {
        runs.push(step.command);
      }
    }
  }
  return { workdir, runs };
}
