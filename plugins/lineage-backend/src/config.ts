import type { Config } from '@backstage/config';
import type { GraphLimits } from './services/LineageGraph';

/** lineage.* with its defaults (config.d.ts documents each key). */
export function readLineageConfig(config: Config): GraphLimits {
  const positive = (key: string, fallback: number) => {
    const value = config.getOptionalNumber(`lineage.${key}`) ?? fallback;
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `lineage.${key} must be a whole number of 1 or more, not ${value}`,
      );
    }
    return value;
  };
  return {
    maxDepth: positive('maxDepth', 20),
    maxNodes: positive('maxNodes', 2000),
  };
}
