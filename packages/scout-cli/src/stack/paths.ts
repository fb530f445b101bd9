import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { join } from 'node:path';

/** Where the stack keeps its downloads, runtime state and logs, under the repository. */
export type StackPaths = {
  root: string;
  /** Config templates: platform-manifests/config/<service>/. */
  templates: string;
  /** Downloads and unpacked servers, reused across runs: .cache/stack. */
  cache: string;
  /** Rendered configs, data and pids.json: .scout/stack. */
  state: string;
  /** <service>.log: .scout/logs. */
  logs: string;
};

export function stackPaths(root: string): StackPaths {
  return {
    root,
    templates: join(root, 'platform-manifests', 'config'),
    cache: join(root, '.cache', 'stack'),
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
