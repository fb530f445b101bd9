import { Flex, Text } from '@backstage/ui';
import { formatAge } from '../../lib/badges';
import type { Freshness } from '../../lib/graph-transformations';
import styles from './panel.module.css';

const COLOR = {
  pass: 'success',
  warn: 'warning',
  error: 'danger',
  'runtime error': 'danger',
} as const;

const seconds = (s: number | null) => (s === null ? '–' : formatAge(s));

/**
 * dbt source freshness of a source table: the check's outcome, the newest
 * row's load time and the limits. Shown only for datasets that have it.
 */
export function DatasetFreshness(props: { freshness: Freshness }) {
  const f = props.freshness;
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-medium" weight="bold">
        Freshness
      </Text>
      <dl className={styles.facts} aria-label="Freshness">
        <dt>Status</dt>
        <dd>
          <Text variant="body-small" color={COLOR[f.status]}>
            {f.status}
          </Text>
        </dd>
        <dt>Newest row</dt>
        <dd>{f.maxLoadedAt ?? 'none loaded'}</dd>
        <dt>Age</dt>
        <dd>{seconds(f.ageSeconds)}</dd>
        <dt>Warn after</dt>
        <dd>{seconds(f.warnAfterSeconds)}</dd>
        <dt>Error after</dt>
        <dd>{seconds(f.errorAfterSeconds)}</dd>
        <dt>Checked</dt>
        <dd>{f.snapshottedAt ?? '–'}</dd>
      </dl>
      {f.message && (
        <Text as="p" variant="body-small" color="danger">
          {f.message}
        </Text>
      )}
    </Flex>
  );
}
