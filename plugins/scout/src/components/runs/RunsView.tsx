import { useApi } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scoutApiRef } from '../../api';
import styles from '../pipeline.module.css';
import { RunHistory } from './RunHistory';
import { RunNowButton } from './RunNowButton';

/** How many runs the history shows. */
const HISTORY_LENGTH = 50;

/** /pipeline: what the pipeline does, "Run now", and the run history. */
export function RunsView() {
  const api = useApi(scoutApiRef);
  const runs = useAsyncRetry(
    () => api.listRuns({ limit: HISTORY_LENGTH }),
    [api],
  );
  return (
    <Flex direction="column" gap="4">
      <div className={styles.toolbar}>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-small">
            Run history
          </Text>
          <Text variant="body-medium" color="secondary">
            Each run promotes new transactions to silver, loads them into the
            lakehouse on a branch (Nessie on Trino, a staging folder on DuckDB),
            builds and tests every layer with dbt, and publishes to main only
            when the tests pass.
          </Text>
        </Flex>
        <RunNowButton />
      </div>
      <RunHistory runs={runs} />
    </Flex>
  );
}
