import type { Config } from '@backstage/config';
import type { GraphLimits } from './services/LineageGraph';
import type { NameRewrite } from './services/normalize';

/** lineage.* with its defaults (config.d.ts documents each key). */
export function readLineageConfig(
  config: Config,
): GraphLimits & { datasetNameRewrites: NameRewrite[] } {
  const positive = (key: string, fallback: number) => {
    const value = config.getOptionalNumber(`lineage.${key}`) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `lineage.${key} must be a whole number of 1 or more, not ${value}`,
      );
    }
    return value;
  };
  const datasetNameRewrites = (
    config.getOptionalConfigArray('lineage.datasetNameRewrites') ?? []
  ).map((rule, i) => {
    const source = rule.getString('pattern');
    try {
      return {
        pattern: new RegExp(source),
        replacement: rule.getString('replacement'),
      };
    } catch (error) {
      throw new Error(
        `lineage.datasetNameRewrites[${i}].pattern is not a regular expression: ${
          (error as Error).message
        }`,
      );
    }
  });
  return {
    maxDepth: positive('maxDepth', 20),
    maxNodes: positive('maxNodes', 2000),
    datasetNameRewrites,
  };
}
