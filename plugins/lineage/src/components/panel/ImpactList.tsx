import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { lineageApiRef } from '../../api';
import styles from './panel.module.css';
import { WrappingName } from './WrappingName';

/** `1 job`, `2 jobs`. */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What breaks if this dataset changes: every dataset and job downstream. */
export function ImpactList(props: { nodeId: string }) {
  const api = useApi(lineageApiRef);
  const impact = useAsync(() => api.getImpact(props.nodeId), [props.nodeId]);
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-medium" weight="bold">
        What breaks if this changes
      </Text>
      {impact.loading && <Progress />}
      {impact.error && (
        <ResponseErrorPanel
          title="Could not compute the impact"
          error={impact.error}
        />
      )}
      {impact.value &&
        !impact.value.datasets.length &&
        !impact.value.jobs.length && (
          <Text variant="body-small" color="secondary">
            Nothing recorded reads this dataset.
          </Text>
        )}
      {impact.value &&
        impact.value.datasets.length + impact.value.jobs.length > 0 && (
          <>
            <Text variant="body-small" color="secondary">
              {`${count(impact.value.datasets.length, 'dataset')} and ${count(
                impact.value.jobs.length,
                'job',
              )} downstream`}
            </Text>
            <ul className={styles.list} aria-label="Impacted datasets">
              {impact.value.datasets.map(d => (
                <li key={d.nodeId}>
                  <span className={styles.mono}>
                    <WrappingName name={d.name} />
                  </span>{' '}
                  <span className={styles.type}>
                    {`${count(d.distance, 'job')} away`}
                  </span>
                </li>
              ))}
            </ul>
            {impact.value.jobs.length > 0 && (
              <ul className={styles.list} aria-label="Impacted jobs">
                {impact.value.jobs.map(j => (
                  <li key={j.nodeId}>
                    <span className={styles.mono}>
                      <WrappingName name={j.name} />
                    </span>{' '}
                    <span className={styles.type}>job</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
    </Flex>
  );
}
