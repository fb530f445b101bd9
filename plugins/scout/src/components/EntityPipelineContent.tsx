import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { ButtonLink, Flex, Link, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scoutApiRef } from '../api';
import { rootRouteRef, runRouteRef } from '../routes';
import styles from './pipeline.module.css';
import { RunFacts } from './run/RunFacts';
import { RunHistory } from './runs/RunHistory';
import { RunNowButton } from './runs/RunNowButton';

/** How many runs the tab lists; the Pipeline page has the rest. */
const TAB_HISTORY_LENGTH = 10;

/**
 * The Pipeline tab of the entities that make up the lakehouse pipeline
 * (the dbt component, the processing System): the latest run at a glance
 * and the recent runs, with links to the Pipeline page.
 */
export function EntityPipelineContent() {
  const api = useApi(scoutApiRef);
  const pipelineLink = useRouteRef(rootRouteRef);
  const runLink = useRouteRef(runRouteRef);
  const runs = useAsyncRetry(
    () => api.listRuns({ limit: TAB_HISTORY_LENGTH }),
    [api],
  );
  const latest = runs.value?.[0];

  return (
    <Flex direction="column" gap="4">
      <div className={styles.toolbar}>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-small">
            Latest run
            {latest && runLink && (
              <>
                {': '}
                <Link href={runLink({ runId: latest.runId })}>
                  {latest.runId}
                </Link>
              </>
            )}
          </Text>
          {pipelineLink && (
            <Flex>
              <ButtonLink
                variant="secondary"
                size="small"
                href={pipelineLink()}
              >
                Open the Pipeline page
              </ButtonLink>
            </Flex>
          )}
        </Flex>
        <RunNowButton />
      </div>
      {latest && <RunFacts run={latest} />}
      <Text as="h3" variant="title-x-small">
        Recent runs
      </Text>
      <RunHistory runs={runs} />
    </Flex>
  );
}
