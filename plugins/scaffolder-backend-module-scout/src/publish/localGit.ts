import type { Config } from '@backstage/config';
import {
  type CatalogProcessor,
  type CatalogProcessorEmit,
  type CatalogProcessorParser,
  type LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { repositoryRoot } from '@internal/backstage-plugin-scout-node';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { REPO_NAME } from './examples';

/**
 * The catalog location type of a repository in the portal's local Git: its
 * target is the repository's name, never a path, so registering one reads
 * `<localGitDir>/<name>/catalog-info.yaml` and nothing else on the server.
 */
export const LOCAL_GIT_LOCATION = 'scout-local-git';

/** `scout.templates.localGitDir`, default .scout/git in the checkout. */
export function localGitDirectory(config: Config): () => string {
  const configured = config.getOptionalString('scout.templates.localGitDir');
  return () =>
    configured ? resolve(configured) : join(repositoryRoot(), '.scout', 'git');
}

/**
 * Reads the locations of type {@link LOCAL_GIT_LOCATION}: the working tree's
 * catalog-info.yaml of the named repository (what its one commit holds).
 */
export class LocalGitLocationProcessor implements CatalogProcessor {
  constructor(private readonly directory: () => string) {}

  getProcessorName() {
    return 'ScoutLocalGitLocationProcessor';
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    parser: CatalogProcessorParser,
  ): Promise<boolean> {
    if (location.type !== LOCAL_GIT_LOCATION) return false;
    if (!REPO_NAME.test(location.target)) {
      emit(
        processingResult.inputError(
          location,
          `${LOCAL_GIT_LOCATION} target "${location.target}" is not a repository name`,
        ),
      );
      return true;
    }
    const file = join(this.directory(), location.target, 'catalog-info.yaml');
    const data = await readFile(file).catch(() => undefined);
    if (!data) {
      if (!optional) {
        emit(
          processingResult.notFoundError(
            location,
            `The portal's local Git has no repository ${location.target} with a catalog-info.yaml`,
          ),
        );
      }
      return true;
    }
    for await (const result of parser({ data, location })) emit(result);
    return true;
  }
}
