import { CodeSnippet } from '@backstage/core-components';
import { Flex, Text } from '@backstage/ui';
import type {
  DatasetNode,
  QualityAssertion,
} from '../../lib/graph-transformations';
import { groupAssertions } from '../../lib/quality';
import styles from './panel.module.css';

function Assertion(props: { assertion: QualityAssertion }) {
  const a = props.assertion;
  // A warned test passed, but its message and rows are worth a look.
  const flagged = !a.success || a.status === 'warn';
  return (
    <li>
      <span className={styles.mono}>{a.assertion}</span>{' '}
      <span className={styles.type}>
        {[a.status ?? (a.success ? 'pass' : 'fail'), a.column]
          .filter(Boolean)
          .join(', ')}
      </span>
      {flagged && a.message && (
        <Text
          as="p"
          variant="body-small"
          color={a.success ? 'warning' : 'danger'}
        >
          {a.message}
        </Text>
      )}
      {flagged && a.failingRowsTable && (
        <Text as="p" variant="body-small">
          Failing rows kept in{' '}
          <span className={styles.mono}>{a.failingRowsTable}</span>
        </Text>
      )}
      {flagged && a.failingRowsQuery && (
        <CodeSnippet language="sql" text={a.failingRowsQuery} />
      )}
    </li>
  );
}

/**
 * A dataset's tests as their producers last reported them, by producer
 * ("dbt tests", "Great Expectations"): failures first, each with its
 * column, message and the query that selects the failing rows.
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
      {quality &&
        groupAssertions(quality.assertions).map(group => (
          <Flex key={group.source} direction="column" gap="1">
            <Text variant="body-small" weight="bold">
              {group.title}
            </Text>
            <ul className={styles.list} aria-label={group.title}>
              {group.assertions.map(a => (
                <Assertion
                  key={`${a.assertion}:${a.column ?? ''}`}
                  assertion={a}
                />
              ))}
            </ul>
          </Flex>
        ))}
    </Flex>
  );
}
