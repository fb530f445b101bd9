import { Link, Text } from '@backstage/ui';
import {
  adviseOnError,
  EmptyState,
  ErrorPanel,
  errorStatus,
} from '@internal/backstage-plugin-scout-react';
import { useLineageRoot } from '../search/NodeSearch';

/** Whether asking again may succeed: no answer, or the backend failed. */
function mayPass(error: Error) {
  const status = errorStatus(error);
  return status === undefined || status === 0 || status >= 500;
}

/**
 * Why the graph around `rootIds` did not load. A node the backend does not
 * know is no failure: its message says what it looked for, and the way on
 * is another node. "Try again" only where asking again may succeed.
 */
export function GraphLoadError(props: {
  error: Error;
  rootIds: readonly string[];
  onRetry: () => void;
}) {
  const { error, rootIds } = props;
  const root = useLineageRoot();
  if (errorStatus(error) === 404) {
    return (
      <EmptyState
        title={`No lineage recorded for ${rootIds.join(', ')}`}
        description={error.message}
      >
        <Text variant="body-medium">
          Look it up by name in the search, or start from the{' '}
          <Link href={root}>recently written datasets</Link>.
        </Text>
      </EmptyState>
    );
  }
  const advice = adviseOnError(
    error,
    {
      400: {
        title: 'The request was refused',
        action: 'The message above says what to change.',
      },
    },
    {
      title: 'The lineage backend failed',
      action: 'Try again; the backend log has the details.',
    },
  );
  return (
    <ErrorPanel
      what="Could not load the lineage graph"
      error={error}
      advice={advice}
      onRetry={mayPass(error) ? props.onRetry : undefined}
    />
  );
}
