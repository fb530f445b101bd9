import type { Config } from '@backstage/config';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../repoRoot';

/**
 * The checkout's app-config as the development backend sees it, for the
 * tools beside it (the `scout` CLI, tests, benchmarks), so they read the
 * same values as the portal: app-config.yaml, then the git-ignored
 * app-config.local.yaml when it exists, or the given `files`, with
 * `${VAR}` substituted from `env`.
 */
export async function loadRepositoryConfig(
  options: {
    files?: string[];
    env?: Record<string, string | undefined>;
  } = {},
): Promise<Config> {
  const root = repositoryRoot();
  const env = options.env ?? process.env;
  const files = (
    options.files ?? ['app-config.yaml', 'app-config.local.yaml']
  ).map(file => join(root, file));
  const sources = files
    .filter((path, index) => options.files || index === 0 || existsSync(path))
    .map(path =>
      FileConfigSource.create({
        path,
        watch: false,
        // Trimmed, as the backend's own loader does.
        substitutionFunc: async name => env[name]?.trim(),
      }),
    );
  const config = await ConfigSources.toConfig(ConfigSources.merge(sources));
  config.close(); // nothing to watch: it keeps the values it read
  return config;
}
