import { CodeSnippet } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import type { DatasetNode } from '../../lib/graph-transformations';
import styles from './panel.module.css';

/**
 * A dataset's tests as its producer last reported them (dbt, through the
 * static pass): failures first, each with its column, message and the
 * query that selects the failing rows.
 */
export function DatasetTests(props: { dataset: DatasetNode }) {
  const { quality, upstreamFailed } = props.dataset;
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-medium" weight="bold">
        {quality
          ? `Tests (${quality.passed + quality.warned} of ${
              quality.assertions.length
            } passed)`
          : 'Tests'}
      </Text>
      {upstreamFailed && (
        <Text variant="body-small" color="danger">
          Upstream failed: a table it is built from has failing tests.
        </Text>
      )}
      {!quality && (
        <Text variant="body-small" color="secondary">
          No test results recorded for this dataset.
        </Text>
      )}
      {quality && (
        <ul className={styles.list} aria-label="Tests">
          {quality.assertions.map(a => (
            <li key={`${a.assertion}:${a.column ?? ''}`}>
              <span className={styles.mono}>{a.assertion}</span>{' '}
              <span className={styles.type}>
                {[a.status ?? (a.success ? 'pass' : 'fail'), a.column]
                  .filter(Boolean)
                  .join(', ')}
              </span>
              {!a.success && a.message && (
                <Text as="p" variant="body-small" color="danger">
                  {a.message}
                </Text>
              )}
              {!a.success && a.failingRowsQuery && (
                <CodeSnippet language="sql" text={a.failingRowsQuery} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}
