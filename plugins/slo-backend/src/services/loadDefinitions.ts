import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  parseSloSpecs,
  type SloDefinition,
} from '@internal/backstage-plugin-slo-common';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The SLO specs of a folder: every `*.yaml` directly in `dir`, parsed and
 * sorted by id. Throws SloSpecError naming every fault (slo-common).
 */
export async function loadSloSpecs(dir: string): Promise<SloDefinition[]> {
  const names = (await readdir(dir)).filter(f => f.endsWith('.yaml')).sort();
  return parseSloSpecs(
    await Promise.all(
      names.map(async name => ({
        file: join(dir, name),
        text: await readFile(join(dir, name), 'utf8'),
      })),
    ),
  );
}

/**
 * The specs of slo.specsDir. Without a folder, or with a spec that does not
 * hold, the plugin still starts (with no SLOs) and says why.
 */
export async function loadDefinitions(
  dir: string | undefined,
  logger: LoggerService,
): Promise<SloDefinition[]> {
  if (!dir) {
    logger.warn(
      'slo: no specs (set slo.specsDir to the folder of OpenSLO specs); serving no SLOs',
    );
    return [];
  }
  try {
    return await loadSloSpecs(dir);
  } catch (error) {
    logger.warn(
      `slo: cannot load the specs in ${dir}; serving no SLOs: ${error}`,
    );
    return [];
  }
}
