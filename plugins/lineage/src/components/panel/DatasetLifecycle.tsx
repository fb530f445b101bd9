import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Link, Text } from '@backstage/ui';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import type {
  DatasetNode,
  RenamedDataset,
} from '../../lib/graph-transformations';
import { rootRouteRef } from '../../routes';

const at = (time?: string) => (time ? ` at ${formatTime(time)}` : '');

/**
 * What the newest event that wrote the dataset did to it, when that is
 * news: dropped, renamed (to or from another name, linked), truncated.
 */
export function DatasetLifecycle(props: { dataset: DatasetNode }) {
  const { dataset } = props;
  const root = useRouteRef(rootRouteRef)?.() ?? '/lineage';
  const other = (r: RenamedDataset) => (
    <Link href={`${root}?node=${encodeURIComponent(r.id)}`}>{r.name}</Link>
  );
  if (dataset.lifecycleState === 'DROP') {
    return (
      <Text as="p" variant="body-small" color="danger">
        Dropped: the newest event that wrote it dropped the table. What follows
        is what was known before.
      </Text>
    );
  }
  const from = dataset.renamedFrom && (
    <Text as="p" variant="body-small">
      Renamed from {other(dataset.renamedFrom)}
      {at(dataset.renamedFrom.eventTime)}.
    </Text>
  );
  if (dataset.renamedTo) {
    // The middle of a -> b -> c: where it went, and where it came from.
    return (
      <>
        <Text as="p" variant="body-small" color="warning">
          Renamed to {other(dataset.renamedTo)}
          {at(dataset.renamedTo.eventTime)}. What follows is what was known
          under this name.
        </Text>
        {from}
      </>
    );
  }
  if (from) return from;
  if (dataset.lifecycleState === 'RENAME') {
    return (
      <Text as="p" variant="body-small">
        Renamed: its producer did not say from what.
      </Text>
    );
  }
  if (dataset.lifecycleState === 'TRUNCATE') {
    const write = dataset.lastWrite;
    return (
      <Text as="p" variant="body-small" color="warning">
        {write
          ? `Truncated by ${write.job.name}${at(write.eventTime)}`
          : 'Truncated by the newest event that wrote it'}
        : its rows were deleted.
      </Text>
    );
  }
  return null;
}
