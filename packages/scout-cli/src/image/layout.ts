import { Config } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { parseDockerfile, stageImage } from './dockerfile.ts';

/** A path the production config names, and what must be there. */
export type NamedPath = {
  key: string;
  path: string;
  expect: 'file' | 'directory' | 'executable';
};

/**
 * Every file-system path the production config names: the catalog's file
 * locations, the scout migrations folder, and the dbt project and
 * executable the pipeline runs.
 */
export function pathsNamedBy(config: Config): NamedPath[] {
  const named: NamedPath[] = [];
  const locations = config.getOptionalConfigArray('catalog.locations') ?? [];
  locations.forEach((location, i) => {
    if (location.getString('type') === 'file') {
      named.push({
        key: `catalog.locations[${i}].target`,
        path: location.getString('target'),
        expect: 'file',
      });
    }
  });
  const keyed: [string, NamedPath['expect']][] = [
    ['scout.migrations.dir', 'directory'],
    ['scout.pipeline.dbt.projectDir', 'directory'],
    ['scout.pipeline.dbt.executable', 'executable'],
    ['slo.specsDir', 'directory'],
  ];
  for (const [key, expect] of keyed) {
    const path = config.getOptionalString(key);
    if (path === undefined) {
      named.push({ key, path: '(not set)', expect });
    } else {
      named.push({ key, path, expect });
    }
  }
  return named;
}

/**
 * Reads app-config.yaml with app-config.production.yaml on top, as the
 * image's CMD does. `${VAR}` substitutions get a placeholder: paths are
 * expected to be literal in the production config.
 */
export async function readProductionConfig(repo: string): Promise<Config> {
  const source = ConfigSources.defaultForTargets({
    rootDir: repo,
    targets: ['app-config.yaml', 'app-config.production.yaml'].map(name => ({
      type: 'path' as const,
      target: join(repo, name),
    })),
    substitutionFunc: async name => `<${name}>`,
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

/**
 * Lays out the backend image from packages/backend/Dockerfile under `root`
 * and returns one problem per path of the production config that the image
 * would lack. The dbt executable is not copied but installed by a RUN step:
 * it must be a RUN step's own command line (which runs it at build time).
 */
export async function checkImageLayout(
  repo: string,
  root: string,
): Promise<{ checked: NamedPath[]; problems: string[] }> {
  const steps = parseDockerfile(
    readFileSync(join(repo, 'packages/backend/Dockerfile'), 'utf8'),
  );
  const { workdir, runs } = stageImage(steps, repo, root);
  const checked = pathsNamedBy(await readProductionConfig(repo));
  const problems: string[] = [];
  for (const { key, path, expect } of checked) {
    if (path === '(not set)') {
      problems.push(`${key} is not set in the production config`);
      continue;
    }
    const inImage = posix.resolve(workdir, path);
    const local = join(root, inImage.slice(1));
    if (expect === 'executable') {
      if (!runs.some(run => run.includes(inImage))) {
        problems.push(
          `${key}: ${inImage} is not installed by any RUN step of the Dockerfile`,
        );
      }
    } else if (!existsSync(local)) {
      problems.push(`${key}: ${inImage} is not in the image`);
    } else if (expect === 'directory' && !statSync(local).isDirectory()) {
      problems.push(`${key}: ${inImage} is not a directory`);
    } else if (expect === 'directory' && readdirSync(local).length === 0) {
      problems.push(`${key}: ${inImage} is empty`);
    } else if (expect === 'file' && !statSync(local).isFile()) {
      problems.push(`${key}: ${inImage} is not a file`);
    }
  }
  return { checked, problems };
}
