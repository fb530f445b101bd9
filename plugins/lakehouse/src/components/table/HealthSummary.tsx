import { Grid } from '@backstage/ui';
import type { FileHealth } from '@internal/backstage-plugin-lakehouse-common';
import { formatCount } from '@internal/backstage-plugin-scout-react';
import { formatBytes } from '../../lib/format';
import { Stat } from '../common';

/** File count, small files, total size, and the average against the target. */
export function HealthSummary(props: { health: FileHealth }) {
  const { health } = props;
  const ratio = health.targetFileBytes
    ? Math.round((health.averageFileBytes / health.targetFileBytes) * 100)
    : undefined;
  return (
    <Grid.Root columns={{ initial: '2', md: '4' }} gap="3">
      <Stat label="Data files" value={formatCount(health.fileCount)} />
      <Stat
        label="Small files"
        value={formatCount(health.smallFileCount)}
        hint={`under ${formatBytes(health.targetFileBytes / 4)}`}
      />
      <Stat label="Total size" value={formatBytes(health.totalBytes)} />
      <Stat
        label="Average file size"
        value={formatBytes(health.averageFileBytes)}
        hint={
          ratio === undefined
            ? undefined
            : `${ratio}% of the ${formatBytes(health.targetFileBytes)} target`
        }
      />
    </Grid.Root>
  );
}
