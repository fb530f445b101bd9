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
