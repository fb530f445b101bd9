import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The machine's cache: what no single checkout owns and every clone on the
 * machine may reuse, so that CI on a fresh clone neither downloads nor
 * builds it again. Holds the stack's downloads and unpacked servers
 * (stack/), Go-built tools (go-bin/: Sloth, Gitea), Superset's venv
 * (superset/), the project venv (venvs/, scripts/lib/python.sh) and
 * native-addon prebuilds (prebuilds/). SCOUT_CACHE_HOME,
 * else $XDG_CACHE_HOME/scout-portal, else ~/.cache/scout-portal; the same
 * rule as SCOUT_CACHE in scripts/lib/toolchain.sh. Deleting it costs the
 * next start its downloads and builds, nothing else.
 */
export function machineCache(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCOUT_CACHE_HOME) return env.SCOUT_CACHE_HOME;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'scout-portal');
}

/** Where the stack keeps its downloads, runtime state and logs. */
export type StackPaths = {
  root: string;
  /** Config templates: platform-manifests/config/<service>/. */
  templates: string;
  /** Downloads and unpacked servers, shared by every clone: <machine cache>/stack. */
  cache: string;
  /** Rendered configs, data and pids.json: .scout/stack. */
  state: string;
  /** <service>.log: .scout/logs. */
  logs: string;
};

export function stackPaths(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
): StackPaths {
  return {
    root,
    templates: join(root, 'platform-manifests', 'config'),
    cache: join(machineCache(env), 'stack'),
    state: join(root, '.scout', 'stack'),
    logs: join(root, '.scout', 'logs'),
  };
}

/**
 * The checkout whose .scout holds the stack's state and the PostgreSQL
 * cluster of scripts/lib/postgres.sh: this one, unless SCOUT_STACK_ROOT
 * names another (the lifecycle tests use a scratch one, so that they never
 * stop the cluster everybody else uses).
 */
export function stackRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCOUT_STACK_ROOT || repositoryRoot();
}
